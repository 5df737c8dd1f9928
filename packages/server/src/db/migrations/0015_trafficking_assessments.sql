-- Trafficking assessments (issue 4) on protection cases. Every assessment is kept (the
-- history); the case shows the latest. The input is codes only (acts, means, purposes,
-- ILO indicators with note ids, stage, HTCDS exploitation types and control methods,
-- dates, the child flag): no narrative is held here, the evidence stays in the notes.
-- `findings` is core/trafficking's result (elements, indicators, age rule, reasons) as it
-- was on the day, so a later change of rule or of the person's record does not rewrite
-- what a worker saw when they acted.
create table trafficking_assessments (
  operation_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  person_id uuid not null,
  input jsonb not null,
  findings jsonb not null,
  outcome text not null check (outcome in ('not_indicated', 'at_risk', 'presumed_victim')),
  reason_keys text[] not null default '{}',
  age_at_assessment integer check (age_at_assessment is null or age_at_assessment between 0 and 130),
  assessed_on date not null,
  assessed_by uuid not null,
  assessed_at timestamptz not null default now(),
  version integer not null default 1 check (version > 0),
  primary key (operation_id, id),
  foreign key (operation_id, case_id) references cases (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id)
);
-- A case's history, newest first.
create index trafficking_assessments_case_idx on trafficking_assessments (operation_id, case_id, assessed_at desc, id desc);
