import { can, canInOperation, err, ok, type Result } from '@waymark/core';
import type { PersonList, PersonListQuery } from '@waymark/contracts';
import { listPersons as queryPersons } from '../../db/persons-repository';
import { failure, invalid, type Failure } from '../../failure';
import { presentPerson } from '../../presenters/person';
import type { UseCaseContext } from '../context';

export async function listPersons(ctx: UseCaseContext, query: PersonListQuery): Promise<Result<PersonList, Failure>> {
  if (!can(ctx.actor, 'person.read')) return err(failure('forbidden'));
  if (query.operationId && !canInOperation(ctx.actor, 'person.read', query.operationId)) {
    return err(failure('forbidden'));
  }
  const now = ctx.now();
  const page = await queryPersons(ctx.db, ctx.actor, query, now, ctx.listCountCap);
  if (!page) return err(invalid([{ code: 'unknown_item', path: ['cursor'], message: 'no such person in your scope' }]));
  return ok({ items: page.rows.map((row) => presentPerson(row, now)), total: page.total, totalIsExact: page.totalIsExact, nextCursor: page.nextCursor });
}
