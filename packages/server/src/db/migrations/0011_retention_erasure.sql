-- Data-subject rights and retention: anonymisation on request or by an operation's
-- retention policy. An anonymised person keeps the row (so counts, risk levels and the
-- audit trail, which holds ids only, stay true) but loses everything that identifies them.

-- When the person was anonymised; null for a person whose record is whole.
alter table persons add column anonymised_at timestamptz;

-- An anonymised person's screenings keep their levels but not their answers: the answers
-- of an original screening may now be null as well as those of a re-score.
alter table screenings add column anonymised_at timestamptz;
alter table screenings drop constraint screenings_responses_or_source;
alter table screenings add constraint screenings_responses_or_source
  check (responses is not null or rescored_from is not null or anonymised_at is not null);

-- One retention policy per operation. No row, or a null rule, means "keep": retention is
-- off until someone with retention.manage turns it on. A rule is a column, so that the
-- case-closed rule (when cases arrive) is one more nullable column beside it.
create table operation_retention (
  operation_id uuid primary key references operations (id),
  -- Named in the audit row of every anonymisation the policy causes.
  id uuid not null unique,
  -- Anonymise people with no activity (no change to the record, no screening, no
  -- protection note, no consent decision) for this many days.
  anonymise_inactive_after_days integer check (anonymise_inactive_after_days between 30 and 36500),
  version integer not null default 1 check (version > 0),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id)
);

-- The retention job's first cut: people not yet anonymised, by their last change.
create index persons_retention_idx on persons (operation_id, updated_at) where anonymised_at is null;
