-- Issue 13 §3 and §4: settings as field teams name them, sites an administrator can place,
-- a household's history, and the notes a trafficking assessment cites.

-- Settings: the accommodation types of UNHCR's population statistics and the CCCM cluster
-- (planned camp, self-settled or informal settlement, collective centre, reception or
-- transit centre, host family, individual accommodation in towns or the countryside),
-- plus the planned settlements and detention the first list had. Only values are added,
-- so every row written before stays valid and the rollups' keys keep their meaning.
alter table sites drop constraint sites_setting_check;
alter table sites add constraint sites_setting_check check (setting in
  ('camp', 'informal_settlement', 'collective_centre', 'transit', 'host_family', 'urban', 'rural', 'settlement', 'detention'));
alter table persons drop constraint persons_setting_check;
alter table persons add constraint persons_setting_check check (setting in
  ('camp', 'informal_settlement', 'collective_centre', 'transit', 'host_family', 'urban', 'rural', 'settlement', 'detention'));

-- A site's place on the map when it has one (WGS 84); both or neither.
alter table sites
  add column latitude double precision check (latitude between -90 and 90),
  add column longitude double precision check (longitude between -180 and 180),
  add column version integer not null default 1 check (version > 0),
  add column updated_at timestamptz not null default now(),
  add constraint sites_coordinates_together check ((latitude is null) = (longitude is null)),
  add constraint sites_name_length check (length(name) between 1 and 200);

-- What happened to a household, newest last: members joining and leaving, the head
-- changing, a member leaving to form their own household. Ids only, never words: the
-- people are named by their own records (which erasure empties).
create table household_changes (
  operation_id uuid not null,
  id uuid not null,
  household_id uuid not null,
  kind text not null check (kind in ('member_added', 'member_removed', 'head_changed', 'split_to', 'split_from')),
  person_id uuid,
  -- For a split: the household the member left for (split_to) or came from (split_from).
  other_household_id uuid,
  changed_at timestamptz not null default now(),
  changed_by uuid,
  primary key (operation_id, id),
  foreign key (operation_id, household_id) references households (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id)
);
create index household_changes_household_idx on household_changes (operation_id, household_id, changed_at);

-- The protection notes an assessment cites as evidence of its ILO indicators: the note
-- shows it was cited (a back-reference), and a citation cannot name a note that does not
-- exist. Which indicator a note supports stays in the sealed assessment only.
create table trafficking_evidence_citations (
  operation_id uuid not null,
  assessment_id uuid not null,
  note_id uuid not null,
  case_id uuid not null,
  primary key (operation_id, assessment_id, note_id),
  foreign key (operation_id, assessment_id) references trafficking_assessments (operation_id, id) on delete cascade,
  foreign key (operation_id, note_id) references protection_notes (operation_id, id) on delete cascade
);
create index trafficking_evidence_citations_note_idx on trafficking_evidence_citations (operation_id, note_id);
