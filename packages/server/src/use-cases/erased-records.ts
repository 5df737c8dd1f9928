import { err, ok, type Result, type Verb } from '@waymark/core';
import { failure, type Failure } from '../failure';

/** Verbs that only look, or that erase again (idempotent): everything else adds to a record. */
const LOOKING_VERBS: ReadonlySet<Verb> = new Set<Verb>(['person.export', 'person.erase', 'resettlement.queue', 'case.supervise', 'child.supervise']);

export function addsToRecord(verb: Verb): boolean {
  return !verb.endsWith('.read') && !LOOKING_VERBS.has(verb);
}

/**
 * Nothing new about an anonymised person (issue 20 §2): no edit, screening, note, consent,
 * task, plan, assessment, step or assignment on them or on the cases their erasure closed,
 * or anonymisation would undo itself. One rule, applied where every write finds its
 * person or case (person-for.ts, case-for.ts, assign-held-record.ts).
 */
export function refuseIfErased(verb: Verb, row: { anonymised_at?: Date | string | null; erased_at?: Date | string | null }): Result<null, Failure> {
  if (!addsToRecord(verb)) return ok(null);
  const erased = (row.anonymised_at ?? null) !== null || (row.erased_at ?? null) !== null;
  return erased ? err(failure('person_anonymised')) : ok(null);
}
