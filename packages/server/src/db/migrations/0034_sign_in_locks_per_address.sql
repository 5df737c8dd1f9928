-- Sign-in and second-factor locks per account and client address (issue 20 §6).
--
-- A lock keyed by the email alone could be kept up forever by anyone who knows the email,
-- and a code lock keyed by the user alone by anyone holding the password. Attempts are now
-- counted per (account, address) with the old five-and-lock rule, and per account with a
-- much higher backstop that refuses only addresses the account has not succeeded from.
--
-- subject_hash: the account a per-address row belongs to (sha256 of 'email:<address>' or
--   'mfa:<user id>', the key of that account's own backstop row), so an administrator's
--   reset can lift every lock of the account at once without the table holding an email.
-- succeeded_at: the last success from this row's address; the backstop spares an address
--   the owner has used.
alter table sign_in_throttle add column subject_hash bytea;
alter table sign_in_throttle add column succeeded_at timestamptz;
create index sign_in_throttle_subject on sign_in_throttle (subject_hash) where subject_hash is not null;

-- Rows keyed by email or user alone are now the backstop, counted against fifty, not five:
-- what they counted under the old rule (and the locks it set) does not carry over.
update sign_in_throttle set failures = 0, lockouts = 0, locked_until = null;
