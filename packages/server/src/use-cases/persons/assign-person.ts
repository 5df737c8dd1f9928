import type { Result } from '@waymark/core';
import type { Person, PersonAssignment } from '@waymark/contracts';
import { findPersonForUpdate, updatePersonAtVersion } from '../../db/persons-repository';
import type { PersonRow } from '../../db/schema';
import type { Failure } from '../../failure';
import { presentPerson } from '../../presenters/person';
import { assignHeldRecord, type AssignableRecord } from '../assign-held-record';
import type { UseCaseContext } from '../context';

const PERSONS: AssignableRecord<PersonRow, Person> = {
  verb: 'person.assign',
  noun: 'person',
  nameInConflict: 'record',
  findForUpdate: findPersonForUpdate,
  updateAtVersion: updatePersonAtVersion,
  present: (_tx, row, now) => presentPerson(row, now),
};

/** Assigns a person to a worker (and optionally a team) of the agency that holds them. */
export function assignPerson(ctx: UseCaseContext, id: string, input: PersonAssignment): Promise<Result<Person, Failure>> {
  return assignHeldRecord(PERSONS, ctx, id, input);
}
