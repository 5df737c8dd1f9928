-- A child's care arrangements as the history a child-protection officer keeps (issue 13 §1).
--
-- An arrangement is now changed in place: ended when the child leaves the carer (or when a
-- new arrangement starts), or corrected when it was recorded wrongly. Changes name the
-- version they read, as persons do. A correction keeps the values it replaced and the
-- reason in care_arrangement_corrections, so the mistaken entry stays visible in the
-- child's history and the change is accountable (the audit row holds ids only).

alter table care_arrangements add column version integer not null default 1 check (version > 0);
alter table care_arrangements add column updated_at timestamptz not null default now();
alter table care_arrangements add column updated_by uuid;

create table care_arrangement_corrections (
  operation_id uuid not null,
  id uuid not null,
  arrangement_id uuid not null,
  -- The child, so erasure and reads reach the corrections by the person as everything else.
  person_id uuid not null,
  previous_kind text not null,
  previous_carer_person_id uuid,
  previous_carer_ref text,
  previous_started_on date not null,
  previous_ended_on date,
  -- Why the entry was wrong: a caseworker's words about a child and a carer (personal).
  reason text not null check (length(reason) between 1 and 1000),
  corrected_at timestamptz not null default now(),
  corrected_by uuid,
  primary key (operation_id, id),
  foreign key (operation_id, arrangement_id) references care_arrangements (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id),
  foreign key (operation_id, previous_carer_person_id) references persons (operation_id, id)
);
create index care_arrangement_corrections_idx on care_arrangement_corrections (operation_id, person_id, arrangement_id, corrected_at);
