-- Children's best interests (issue 4 item 3; rules in core/children). Every row hangs off
-- a person of the same operation, so a child's records are reached only through the person
-- (and so through the one scope condition on persons).

-- Per-operation settings the guidelines leave open: the review interval, the time a
-- non-urgent BIA may take, the smallest BID panel. No row means the core defaults.
create table child_protection_settings (
  operation_id uuid primary key references operations (id),
  review_interval_months integer not null default 6 check (review_interval_months between 1 and 60),
  bia_non_urgent_days integer not null default 90 check (bia_non_urgent_days between 1 and 365),
  bid_min_panel_size integer not null default 3 check (bid_min_panel_size between 1 and 20),
  updated_at timestamptz not null default now()
);

create table best_interests_assessments (
  operation_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  case_id uuid,
  urgency text not null check (urgency in ('2_days', '1_week', '30_days', 'non_urgent')),
  -- What the rules suggested (a person confirmed or changed it), and why: codes only.
  suggested_urgency text not null check (suggested_urgency in ('2_days', '1_week', '30_days', 'non_urgent')),
  suggested_because text not null,
  required boolean not null,
  identified_at date not null,
  due_date date not null,
  completed_at date,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id),
  foreign key (operation_id, case_id) references cases (operation_id, id),
  check (due_date >= identified_at),
  check (completed_at is null or completed_at >= identified_at)
);
create index bia_person_idx on best_interests_assessments (operation_id, person_id, identified_at);
-- The overdue list: open BIAs by due date.
create index bia_open_due_idx on best_interests_assessments (operation_id, due_date) where completed_at is null;

create table best_interests_determinations (
  operation_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  bia_id uuid,
  -- Why a BID was required (core/children bidRequirement codes); empty when asked for anyway.
  reason_codes text[] not null default '{}',
  -- Members by id and role with their confidentiality undertaking: never names.
  panel jsonb not null,
  assessment_date date not null,
  -- The child's views: a code (agrees / disagrees / could_not_be_heard), the not-heard
  -- reason code, and a short text (reasons or note): highly sensitive, child_protection.
  child_views_kind text not null check (child_views_kind in ('agrees', 'disagrees', 'could_not_be_heard')),
  child_not_heard_reason text,
  child_views_text text check (child_views_text is null or length(child_views_text) <= 2000),
  recommendation text not null,
  decision_date date not null,
  solution_step_ref uuid,
  -- The next periodic review: the interval after the decision, or sooner on a change of
  -- care arrangement (core/children nextReviewDate); kept current as arrangements change.
  review_due_on date not null,
  review_due_reason text not null check (review_due_reason in ('interval', 'care_arrangement_change')),
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  created_by uuid,
  primary key (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id),
  foreign key (operation_id, bia_id) references best_interests_assessments (operation_id, id),
  check (decision_date >= assessment_date),
  check (review_due_on > decision_date)
);
create index bid_person_idx on best_interests_determinations (operation_id, person_id, decision_date desc, id desc);
create index bid_solution_step_idx on best_interests_determinations (operation_id, solution_step_ref) where solution_step_ref is not null;
create index bid_review_due_idx on best_interests_determinations (operation_id, review_due_on);

create table care_arrangements (
  operation_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  kind text not null check (kind in ('with_parents', 'kinship', 'foster', 'child_headed_household', 'group_home', 'independent_living_supervised')),
  carer_person_id uuid,
  carer_ref text check (carer_ref is null or length(carer_ref) between 1 and 200),
  started_on date not null,
  -- First day no longer in this arrangement (exclusive); null while it lasts.
  ended_on date,
  created_at timestamptz not null default now(),
  created_by uuid,
  primary key (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id),
  foreign key (operation_id, carer_person_id) references persons (operation_id, id),
  check ((carer_person_id is null) <> (carer_ref is null)),
  check (ended_on is null or ended_on > started_on)
);
create index care_arrangements_person_idx on care_arrangements (operation_id, person_id, started_on);
-- No child left behind: the children currently in a carer's care.
create index care_arrangements_carer_idx on care_arrangements (operation_id, carer_person_id) where carer_person_id is not null;
