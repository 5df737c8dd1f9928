import type { Result } from '@waymark/core';
import type { User } from '@waymark/contracts';
import type { Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { switchUserAccess } from './user-access-switch';

/** Lets a disabled account sign in again (with its old password), audited. */
export function enableUser(ctx: UseCaseContext, id: string): Promise<Result<User, Failure>> {
  return switchUserAccess(ctx, id, false);
}
