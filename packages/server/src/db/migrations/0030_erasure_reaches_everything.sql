-- Erasure that erases (issue 20 §2).

-- 1. Free text leaves the append-only trail. An audit entry that needs a reason stores in
-- `audit_events.reason` only a commitment, `sha256:<hex of sha256(nonce || reason)>`, which
-- the chain hashes like any reason (the hash format is unchanged, so every entry written
-- before this migration verifies as it did); the words and the nonce live here, where
-- erasure can delete them. With the nonce, anyone holding the words can show they are what
-- was recorded; without it, a guessed name cannot be checked against the commitment.
create table audit_reasons (
  chain text not null,
  seq bigint not null,
  operation_id uuid,
  -- What the entry was about, so erasure finds the reasons about a person and their records.
  resource_id uuid,
  nonce bytea not null,
  reason text not null,
  primary key (chain, seq)
);
create index audit_reasons_resource_idx on audit_reasons (resource_id) where resource_id is not null;

-- 2. An erased person's own cases are closed by the erasure itself: they leave every list and
-- queue (the queue's view already drops closed cases), and nothing new lands on them. Such
-- a closure has no request behind it, and retention's has no actor, so the closure rules of
-- migration 0013 hold for every other case and are waived for those alone.
alter table cases add column erased_at timestamptz;
alter table cases drop constraint cases_check4;
alter table cases drop constraint cases_check5;
alter table cases add constraint cases_closed_by_someone
  check (erased_at is not null or (status = 'closed') = (closed_by is not null));
alter table cases add constraint cases_closed_on_request
  check (erased_at is not null or status <> 'closed' or (closure_requested_at is not null and closed_by <> closure_requested_by));
alter table cases add constraint cases_erased_is_closed
  check (erased_at is null or status = 'closed');
