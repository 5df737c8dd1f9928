import { err, ok, type Result } from '@waymark/core';
import type { PasswordChange } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { deleteOtherSessions } from '../../db/sessions-repository';
import { transact, type Db } from '../../db/transaction';
import { findPasswordHash, setPassword } from '../../db/users-repository';
import { failure, invalid, type Failure } from '../../failure';
import { checkPasswordPolicy } from './password-policy';
import { hashPassword, normalisePassword, verifyPassword } from './passwords';

const unchanged = () => err(invalid([{ code: 'password_unchanged', path: ['newPassword'], message: 'choose a new password' }]));

/**
 * Changes one's own password and ends every other session of the account. The new one
 * must pass the policy, must not be the owner's email, and must not be the password it
 * replaces (the one-time password, at first sign-in), however it is typed: it is checked
 * against the stored hash, not only against what was sent as the current one.
 */
export async function changePassword(db: Db, user: { id: string; email: string }, currentToken: Buffer, input: PasswordChange): Promise<Result<null, Failure>> {
  if (normalisePassword(input.newPassword) === normalisePassword(input.currentPassword)) return unchanged();
  const policy = checkPasswordPolicy(input.newPassword, { email: user.email });
  if (!policy.ok) return err(invalid([{ code: policy.error.code, path: ['newPassword'], message: policy.error.message }]));
  const stored = await findPasswordHash(db, user.id);
  if (!(await verifyPassword(stored ?? null, input.currentPassword))) {
    return err(failure('invalid_credentials', undefined, [{ path: '/currentPassword', code: 'wrong_password', message: 'the current password is wrong' }]));
  }
  if (await verifyPassword(stored ?? null, input.newPassword)) return unchanged();
  const newHash = await hashPassword(input.newPassword);
  return transact(db, async (tx) => {
    await setPassword(tx, user.id, newHash);
    await deleteOtherSessions(tx, user.id, currentToken);
    await writeAudit(tx, { actorId: user.id, operationId: null, action: 'user.change_password', resourceType: 'user', resourceId: user.id });
    return ok(null);
  });
}
