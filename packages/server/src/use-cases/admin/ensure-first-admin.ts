import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/transaction';
import { defaultAgencyOf } from '../../db/agencies-repository';
import { anyUserExists, firstOperationId, insertAgency, insertOperation, insertUser, lockBootstrap } from '../../db/users-repository';
import { checkPasswordPolicy } from '../sessions/password-policy';
import { hashPassword } from '../sessions/passwords';

export interface FirstAdmin {
  email: string;
  /** Set only when Waymark generated the password: shown once, never stored in clear. */
  oneTimePassword: string | null;
}

/**
 * On first start with no accounts, creates the first administrator (and a first operation
 * to work in). From WAYMARK_ADMIN_EMAIL/PASSWORD when given, else a one-time password
 * that must be changed. A given password must be changed too unless it passes the policy
 * every other password passes (it sits in an environment file, often one copied from docs).
 */
export async function ensureFirstAdmin(db: Db, given: { email: string; password: string } | null): Promise<FirstAdmin | null> {
  return db.transaction().execute(async (tx) => {
    // Two processes starting at once must not both create an administrator.
    await lockBootstrap(tx);
    if (await anyUserExists(tx)) return null;
    let operationId = await firstOperationId(tx);
    if (!operationId) {
      operationId = uuidv7();
      await insertOperation(tx, { id: operationId, code: 'main', name: 'Main operation' });
    }
    let agencyId = await defaultAgencyOf(tx, operationId);
    if (!agencyId) {
      agencyId = uuidv7();
      await insertAgency(tx, { operation_id: operationId, id: agencyId, code: 'main', name: 'Main agency', kind: 'other' });
    }
    const password = given?.password ?? randomBytes(12).toString('base64url');
    const id = uuidv7();
    const email = given?.email ?? 'admin@waymark.local';
    await insertUser(
      tx,
      { id, email, display_name: 'Administrator', password_hash: await hashPassword(password), role: 'administrator', scope: 'operation', agency_id: agencyId, must_change_password: given === null || !checkPasswordPolicy(given.password, { email }).ok },
      [operationId],
    );
    await writeAudit(tx, { actorId: null, operationId: null, action: 'user.create_first_admin', resourceType: 'user', resourceId: id });
    return { email, oneTimePassword: given ? null : password };
  });
}
