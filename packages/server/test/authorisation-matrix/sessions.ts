import type { Entries } from './entries';

/** Public routes and the signed-in user's own session: health, the API document, sign-in, password, second factor, sign-out. */
export const SESSION_ROUTES: Entries = {
  'GET /api/v1/health': { kind: 'public', success: 200, request: async () => ({ path: '/api/v1/health' }) },
  'GET /api/v1/openapi.json': { kind: 'public', success: 200, request: async () => ({ path: '/api/v1/openapi.json' }) },
  // Sign-in is exercised by every user the matrix signs in; here with a wrong password.
  'POST /api/v1/sessions': {
    kind: 'public',
    success: 401,
    request: async () => ({ path: '/api/v1/sessions', body: { email: 'nobody@example.org', password: 'not-the-password' } }),
  },
  'GET /api/v1/sessions/current': { kind: 'self', success: 200, request: async () => ({ path: '/api/v1/sessions/current' }) },
  'POST /api/v1/sessions/current/password': {
    kind: 'self',
    success: 204,
    request: async () => ({ path: '/api/v1/sessions/current/password', body: { currentPassword: 'a-long-test-password', newPassword: 'a-different-long-passphrase' } }),
  },
  'POST /api/v1/sessions/current/mfa': { kind: 'self', success: 201, request: async () => ({ path: '/api/v1/sessions/current/mfa', body: {} }) },
  'POST /api/v1/sessions/current/mfa/confirm': {
    kind: 'self',
    success: 401,
    request: async () => ({ path: '/api/v1/sessions/current/mfa/confirm', body: { code: '000000' } }),
  },
  // Nobody in the matrix has enrolled a second factor: every role gets the same 404.
  'POST /api/v1/sessions/current/mfa/recovery-codes': {
    kind: 'self',
    success: 404,
    request: async () => ({ path: '/api/v1/sessions/current/mfa/recovery-codes', body: { code: '000000' } }),
  },
  'POST /api/v1/sessions/current/mfa/verify': {
    kind: 'self',
    success: 403,
    request: async () => ({ path: '/api/v1/sessions/current/mfa/verify', body: { code: '000000' } }),
  },
  'DELETE /api/v1/sessions/current': { kind: 'self', success: 204, endsSession: true, request: async () => ({ path: '/api/v1/sessions/current' }) },
};
