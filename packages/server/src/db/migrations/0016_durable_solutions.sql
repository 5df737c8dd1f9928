-- Durable solutions and resettlement (issue 4 item 5; rules in core/solutions). Every row
-- hangs off a case (migration 0013), so it is reached only through the case's scope.

-- One assessment per case of the three solutions. Each solution (status, the person's wish,
-- its trafficking risk) is read and written whole with the others, so jsonb; the database
-- still refuses an assessed solution without a trafficking risk (core: risk_required).
-- Years in displacement are not stored: they are computed from persons.arrival_date on read.
create table durable_solution_assessments (
  operation_id uuid not null,
  case_id uuid not null,
  assessed_on date not null,
  assessed_by uuid not null,
  solutions jsonb not null,
  -- Warnings the caseworker saw and saved past (codes and paths only).
  warnings jsonb not null default '[]'::jsonb,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (operation_id, case_id),
  foreign key (operation_id, case_id) references cases (operation_id, id),
  check (solutions ?& array['voluntary_repatriation', 'local_integration', 'resettlement']),
  check ((solutions #>> '{voluntary_repatriation,status}') = 'not_assessed' or (solutions #>> '{voluntary_repatriation,traffickingRisk,level}') is not null),
  check ((solutions #>> '{local_integration,status}') = 'not_assessed' or (solutions #>> '{local_integration,traffickingRisk,level}') is not null),
  check ((solutions #>> '{resettlement,status}') = 'not_assessed' or (solutions #>> '{resettlement,traffickingRisk,level}') is not null)
);

-- The case's resettlement submission: categories and priority confirmed by a named person
-- (with the suggestions and their reasons as they stood), waiting since the confirmation.
create table resettlement_submissions (
  operation_id uuid not null,
  case_id uuid not null,
  primary_category text not null check (primary_category in ('legal_physical_protection', 'women_girls_at_risk', 'children_adolescents_at_risk',
    'survivors_violence_torture', 'medical_needs', 'family_reunification', 'lack_of_alternative_solutions')),
  secondary_category text check (secondary_category in ('legal_physical_protection', 'women_girls_at_risk', 'children_adolescents_at_risk',
    'survivors_violence_torture', 'medical_needs', 'family_reunification', 'lack_of_alternative_solutions')),
  priority text not null check (priority in ('emergency', 'urgent', 'normal')),
  -- core/solutions ConfirmedCategories: source and reasons of each, not taken, warnings.
  confirmed jsonb not null,
  suggested jsonb not null default '[]'::jsonb,
  confirmed_by uuid not null,
  confirmed_at timestamptz not null,
  waiting_since date not null,
  submitted_at timestamptz,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (operation_id, case_id),
  foreign key (operation_id, case_id) references cases (operation_id, id),
  check (secondary_category is null or secondary_category <> primary_category)
);
-- The queue: cases not yet submitted.
create index resettlement_waiting_idx on resettlement_submissions (operation_id, priority, waiting_since) where submitted_at is null;

-- Steps of a durable solution that move people (core/children MoveStep). A BID records the
-- step it decides on in best_interests_determinations.solution_step_ref (migration 0014).
create table solution_steps (
  operation_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  kind text not null check (kind in ('resettlement', 'voluntary_repatriation', 'relocation')),
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'completed', 'cancelled')),
  completed_at timestamptz,
  completed_by uuid,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (operation_id, id),
  foreign key (operation_id, case_id) references cases (operation_id, id),
  check ((status = 'completed') = (completed_at is not null))
);
create index solution_steps_case_idx on solution_steps (operation_id, case_id, created_at);
