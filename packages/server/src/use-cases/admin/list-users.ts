import { can, err, ok, type Result } from '@waymark/core';
import type { User, UserListQuery } from '@waymark/contracts';
import { listVisibleUsers } from '../../db/users-admin-repository';
import { failure, type Failure } from '../../failure';
import { presentUser } from '../../presenters/user';
import type { UseCaseContext } from '../context';

/** Users of the actor's operations (and agency, below operation scope), filtered in SQL. */
export async function listUsers(ctx: UseCaseContext, query: UserListQuery): Promise<Result<{ items: User[]; total: number }, Failure>> {
  if (!can(ctx.actor, 'user.read')) return err(failure('forbidden'));
  const { rows, total } = await listVisibleUsers(ctx.db, ctx.actor, query);
  return ok({ items: rows.map(presentUser), total });
}
