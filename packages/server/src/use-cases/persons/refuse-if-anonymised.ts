import { err, ok, type Result } from '@waymark/core';
import { failure, type Failure } from '../../failure';

/**
 * An anonymised person is a statistical remainder, not a case: nothing new may be
 * gathered about them (screening, edits, consent, notes), or anonymisation would undo itself.
 */
export function refuseIfAnonymised(person: { anonymised_at: Date | string | null }): Result<null, Failure> {
  return person.anonymised_at === null ? ok(null) : err(failure('person_anonymised'));
}
