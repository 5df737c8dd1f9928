import type { Result } from '@waymark/core';
import type { User } from '@waymark/contracts';
import type { Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { switchUserAccess } from './user-access-switch';

/** Disables an account and ends all its sessions in the same transaction, audited. */
export function disableUser(ctx: UseCaseContext, id: string): Promise<Result<User, Failure>> {
  return switchUserAccess(ctx, id, true);
}
