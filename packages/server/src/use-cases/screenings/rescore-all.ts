import { assessScreening, type Actor, findInstrument, mergeSensitiveResponses, subjectFromRegistration, type Instrument, type ResponseValue } from '@waymark/core';
import { v7 as uuidv7 } from 'uuid';
import type { KeyRing } from '../../crypto/key-ring';
import { openScreeningAnswers } from '../../crypto/screening-answers';
import { sealerFor } from '../../crypto/seal';
import type { DatabaseHandle } from '../../db/connect';
import { screeningRow } from '../../db/bulk/population-rows';
import { householdMembersOf, screenedPersonBatches, writeRescoredBatch, type RescoredPerson } from '../../db/bulk/rescore-batches';
import type { CopyValue } from '../../db/bulk/copy-text';
import type { PersonRow } from '../../db/schema';
import { boundedConcurrency } from '../bounded-concurrency';
import { compactRollupsAfterBulkWrite } from '../population/compact-rollups';
import { householdOf, registrationOf } from './registration-of';

export interface RescoreOptions {
  /** Whose re-score it is: only the people this actor's operations and scope reach are re-scored (as the API would). */
  actor: Actor;
  actorId: string | null;
  now: Date;
  /**
   * Opens the answers' sealed part and seals the new screening's. Without one, people
   * with sealed answers are skipped (counted) and a screening needing a seal stops the run.
   */
  keyRing: KeyRing | undefined;
  batchSize?: number;
  onProgress?: (done: number) => void;
}

export interface RescoreSummary {
  instrumentVersion: number;
  rescored: number;
  /** Answers the current version no longer asks (or no longer applies); left out of the new score. */
  answersDropped: number;
  /**
   * People not re-scored because their sealed answers would not open (key missing from the
   * ring, or altered): scoring without them would silently lower their level.
   */
  sealedUnreadable: number;
}

/**
 * `screen --all`: re-scores the latest answers of every screened person the actor may reach with the current
 * version of the instrument, appending a new screening (history is kept) that points
 * back to the one whose answers it reused.
 */
export async function rescoreAll(database: DatabaseHandle, options: RescoreOptions): Promise<RescoreSummary> {
  const instrument = findInstrument('heightened-risk');
  if (!instrument) throw new Error('the heightened-risk instrument is not shipped');
  const summary: RescoreSummary = { instrumentVersion: instrument.version, rescored: 0, answersDropped: 0, sealedUnreadable: 0 };
  // One imported key for the whole run; sealing is synchronous, one AES-GCM call a row.
  const sealing = { sealer: options.keyRing ? sealerFor(options.keyRing) : undefined, instrument };
  const writes = boundedConcurrency(2);
  for await (const batch of screenedPersonBatches(database, options.batchSize ?? 5_000, options.actor)) {
    const households = await householdMembersOf(database, batch.map((b) => b.person));
    const rows: CopyValue[][] = [];
    const people: RescoredPerson[] = [];
    for (const { person, answersScreeningId, responses: clear, sealedAnswers } of batch) {
      // The answers scored are the source's clear ones plus its sealed ones, opened in memory.
      const sealed = openScreeningAnswers(options.keyRing, { operation_id: person.operation_id, id: answersScreeningId, person_id: person.id }, sealedAnswers);
      if (!sealed.ok) {
        summary.sealedUnreadable++;
        continue;
      }
      const responses = mergeSensitiveResponses(clear, sealed.value?.responses ?? null) ?? {};
      const scored = rescore(instrument, person, responses as Record<string, ResponseValue>, households, options.now);
      summary.answersDropped += scored.dropped;
      const id = uuidv7();
      people.push({ operationId: person.operation_id, personId: person.id, screeningId: id, riskLevel: scored.outcome.riskLevel });
      // Answers reused unchanged are not copied, in clear or sealed: the new row points at the
      // screening holding them. Its own signals naming highly sensitive items are sealed under its id.
      const changed = scored.dropped > 0 ? scored.responses : null;
      rows.push(screeningRow(person.operation_id, person.id, { id, outcome: scored.outcome, responses: changed, answers: scored.responses }, options.now, options.actorId, sealing, answersScreeningId));
    }
    if (rows.length === 0) continue;
    // Score the next batch while this one is written: Node's thread and PostgreSQL's
    // backends then work at the same time (two writes in flight use both cores).
    await writes.add(() =>
      writeRescoredBatch(database, rows, people, options.now, {
        actorId: options.actorId,
        details: { screenings: rows.length, instrumentVersion: instrument.version },
      }).then(() => {
        summary.rescored += rows.length;
        options.onProgress?.(summary.rescored);
      }),
    );
  }
  await writes.drain();
  // Every re-scored person appended rollup deltas (their level and domains moved); fold them.
  await compactRollupsAfterBulkWrite(database.db);
  return summary;
}

function rescore(
  instrument: Instrument,
  person: PersonRow,
  responses: Record<string, ResponseValue>,
  households: Map<string, { date_of_birth: string | null; birth_year: number | null; relationship_to_head: string | null }[]>,
  now: Date,
) {
  const members = person.household_id ? households.get(person.household_id) ?? [] : null;
  const subject = subjectFromRegistration(registrationOf(person), members ? householdOf(members, now) : null, now);
  let kept = responses;
  let dropped = 0;
  // Registration may have changed since (a child turned 18): answers that no longer apply
  // are left out rather than blocking the re-score. Two passes settle any knock-on effect.
  for (let attempt = 0; attempt < 3; attempt++) {
    const scored = assessScreening(instrument, kept, subject);
    if (scored.ok) return { outcome: scored.value, responses: kept, dropped };
    const rejected = new Set(scored.error.map((problem) => String(problem.path[1])));
    dropped += rejected.size;
    kept = Object.fromEntries(Object.entries(kept).filter(([itemId]) => !rejected.has(itemId)));
  }
  throw new Error(`could not re-score person ${person.id}`);
}
