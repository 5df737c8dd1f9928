-- Authentication hardening: CSRF tokens bound to sessions, a two-step sign-in for users
-- with a second factor (TOTP, RFC 6238), single-use recovery codes, and sign-in
-- throttling that survives a restart and looks the same for unknown emails.

-- sha256 of the session's CSRF token: a token from another session, or from a session
-- that has ended, matches no row. Sessions opened before this migration have none and
-- must sign in again for any change.
alter table sessions add column csrf_hash bytea;
-- A password-only session of a user enrolled in TOTP: it may only complete the second step.
alter table sessions add column mfa_pending boolean not null default false;

-- The TOTP secret, sealed with the key ring (an envelope from src/crypto/seal.ts, never
-- the plain secret). Confirmed once the user has entered a code from it.
alter table users add column totp_secret_sealed text;
alter table users add column totp_confirmed_at timestamptz;
-- The last 30-second time step accepted: a code is never accepted twice.
alter table users add column totp_last_step bigint;

create table recovery_codes (
  user_id uuid not null references users (id) on delete cascade,
  -- sha256 of an 80-bit random code: fast to check, useless to steal.
  code_hash bytea not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (user_id, code_hash)
);

-- Failed attempts per email (hashed; unknown emails too, so a lockout does not reveal
-- that an account exists) and per user for the second factor. Keys are sha256 of
-- 'email:<address>' or 'mfa:<user id>'.
create table sign_in_throttle (
  key_hash bytea primary key,
  failures integer not null default 0,
  -- Each lockout doubles the next one (15, 30, 60 … minutes).
  lockouts integer not null default 0,
  locked_until timestamptz,
  updated_at timestamptz not null default now()
);

-- Operations may require a second factor of every member, not only administrators and supervisors.
alter table operations add column mfa_required boolean not null default false;
