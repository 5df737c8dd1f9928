-- Protection cases (issue 4). A case is held like a person: agency, team and assigned
-- worker, so the one scope condition (src/db/scope.ts) filters cases as it filters persons.
-- It is about exactly one person or one household of the same operation.
--
-- The person-centred part of the plan (the person's own goals, strengths and skills, what
-- they want) is a jsonb column: it is read and written whole, with the case, and never
-- searched across cases. Actions, services and referrals are case_tasks rows instead:
-- they have owners and due dates that "My work" looks up across 100,000 open cases.
create table cases (
  operation_id uuid not null references operations (id),
  id uuid not null,
  person_id uuid,
  household_id uuid,
  agency_id uuid not null,
  team_id uuid,
  assigned_user_id uuid,
  status text not null default 'identified'
    check (status in ('identified', 'assessment', 'case_plan', 'implementation', 'follow_up', 'closed')),
  priority text not null check (priority in ('low', 'medium', 'high', 'critical')),
  opened_from_screening_id uuid,
  opened_at timestamptz not null default now(),
  plan jsonb not null default '{"goals": [], "strengths": [], "skills": [], "wishes": []}'::jsonb,
  closure_requested_by uuid,
  closure_requested_at timestamptz,
  closure_requested_reason text,
  closed_at timestamptz,
  closed_by uuid,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id),
  foreign key (operation_id, household_id) references households (operation_id, id),
  foreign key (operation_id, opened_from_screening_id) references screenings (operation_id, id),
  check ((person_id is null) <> (household_id is null)),
  -- A request carries its reason; a closed case carries the request it was closed on,
  -- approved by someone else (core/cases isLegalCaseState, enforced here too).
  check ((closure_requested_at is null) = (closure_requested_by is null)),
  check ((closure_requested_at is null) = (closure_requested_reason is null)),
  check ((status = 'closed') = (closed_at is not null)),
  check ((status = 'closed') = (closed_by is not null)),
  check (status <> 'closed' or (closure_requested_at is not null and closed_by <> closure_requested_by))
);
create index cases_person_idx on cases (operation_id, person_id) where person_id is not null;
create index cases_household_idx on cases (operation_id, household_id) where household_id is not null;
-- Workload: open cases per worker of an agency.
create index cases_open_assignee_idx on cases (operation_id, agency_id, assigned_user_id) where status <> 'closed';

create table case_tasks (
  operation_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  kind text not null check (kind in ('task', 'follow_up', 'action', 'service', 'referral')),
  title text not null check (length(title) between 1 and 500),
  owner_user_id uuid,
  due_date date,
  status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'cancelled')),
  done_at timestamptz,
  -- Where the task came from, e.g. a screening's recommended action id.
  created_from text,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (operation_id, id),
  foreign key (operation_id, case_id) references cases (operation_id, id),
  check ((status in ('done', 'cancelled')) = (done_at is not null))
);
create index case_tasks_case_idx on case_tasks (operation_id, case_id, created_at);
-- My work: a worker's open tasks in due-date order (overdue ones have the earliest dates).
create index case_tasks_my_work_idx on case_tasks (operation_id, owner_user_id, due_date, id) where done_at is null;
