import { err, ok, type Result } from '@waymark/core';
import type { PasswordChange } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { deleteOtherSessions } from '../../db/sessions-repository';
import { transact, type Db } from '../../db/transaction';
import { findPasswordHash, setPassword } from '../../db/users-repository';
import { failure, invalid, type Failure } from '../../failure';
import { checkPasswordPolicy } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';

/** Changes one's own password and ends every other session of the account. */
export async function changePassword(db: Db, userId: string, currentToken: Buffer, input: PasswordChange): Promise<Result<null, Failure>> {
  if (input.newPassword === input.currentPassword) {
    return err(invalid([{ code: 'password_unchanged', path: ['newPassword'], message: 'choose a new password' }]));
  }
  const policy = checkPasswordPolicy(input.newPassword);
  if (!policy.ok) return err(invalid([{ code: policy.error.code, path: ['newPassword'], message: policy.error.message }]));
  const stored = await findPasswordHash(db, userId);
  if (!(await verifyPassword(stored ?? null, input.currentPassword))) {
    return err(failure('invalid_credentials', undefined, [{ path: '/currentPassword', code: 'wrong_password', message: 'the current password is wrong' }]));
  }
  const newHash = await hashPassword(input.newPassword);
  return transact(db, async (tx) => {
    await setPassword(tx, userId, newHash);
    await deleteOtherSessions(tx, userId, currentToken);
    await writeAudit(tx, { actorId: userId, operationId: null, action: 'user.change_password', resourceType: 'user', resourceId: userId });
    return ok(null);
  });
}
