-- Prevention programmes (issue 5): a programme targets people by a rule over the risk
-- profile (core/targeting, validated before it is stored), in some admin areas, up to a
-- capacity. Staff enrol people with their consent, hold sessions and record attendance.

-- Enrolment in a programme is a consent purpose of its own (core/consent CONSENT_PURPOSES).
alter table consents drop constraint consents_purpose_check;
alter table consents add constraint consents_purpose_check
  check (purpose in ('case_management', 'referral', 'deidentified_sharing', 'tracing', 'programme_enrolment'));

create table programmes (
  operation_id uuid not null references operations (id),
  id uuid not null,
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('trafficking_awareness', 'livelihoods', 'women_at_risk_support',
    'child_friendly_activities', 'legal_aid', 'psychosocial_support', 'education', 'cash_assistance', 'other')),
  -- The targeting rule as core/targeting validated it (plain JSON: all/any/conditions).
  rule jsonb not null,
  -- Empty: the whole operation.
  admin_area_codes text[] not null default '{}',
  capacity integer not null check (capacity between 1 and 1000000),
  starts_on date,
  ends_on date,
  status text not null default 'active' check (status in ('active', 'closed')),
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  created_by uuid references users (id),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id),
  primary key (operation_id, id),
  unique (operation_id, name),
  check (ends_on is null or starts_on is null or starts_on <= ends_on)
);

create table programme_enrolments (
  operation_id uuid not null,
  programme_id uuid not null,
  person_id uuid not null,
  enrolled_at timestamptz not null default now(),
  enrolled_by uuid references users (id),
  -- Enrolled on an override of missing consent (its reason is in the audit trail).
  consent_overridden boolean not null default false,
  primary key (operation_id, programme_id, person_id),
  foreign key (operation_id, programme_id) references programmes (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id)
);
create index programme_enrolments_person_idx on programme_enrolments (operation_id, person_id);

create table programme_sessions (
  operation_id uuid not null,
  id uuid not null,
  programme_id uuid not null,
  held_on date not null,
  topic text not null check (length(topic) between 1 and 200),
  admin_area_code text check (length(admin_area_code) between 1 and 80),
  recorded_at timestamptz not null default now(),
  recorded_by uuid references users (id),
  primary key (operation_id, id),
  foreign key (operation_id, programme_id) references programmes (operation_id, id)
);
create index programme_sessions_programme_idx on programme_sessions (operation_id, programme_id, held_on desc);

-- Only enrolled people attend (the foreign key to the enrolment says so).
create table programme_attendance (
  operation_id uuid not null,
  session_id uuid not null,
  programme_id uuid not null,
  person_id uuid not null,
  recorded_at timestamptz not null default now(),
  recorded_by uuid references users (id),
  primary key (operation_id, session_id, person_id),
  foreign key (operation_id, session_id) references programme_sessions (operation_id, id),
  foreign key (operation_id, programme_id, person_id) references programme_enrolments (operation_id, programme_id, person_id)
);
create index programme_attendance_programme_idx on programme_attendance (operation_id, programme_id, person_id);
