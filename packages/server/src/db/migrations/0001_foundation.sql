-- Waymark foundation: operations and sites, people and households, screenings, accounts,
-- sessions and the audit trail. Runs on PostgreSQL 15 and 18.
-- Every table that holds people carries operation_id (the Citus distribution key) and
-- leads its primary key with it, so that a later move to distributed PostgreSQL keeps
-- every key and every query routed to one shard group.

create extension if not exists pg_trgm;

create table operations (
  id uuid primary key,
  code text not null unique check (code ~ '^[A-Za-z0-9_-]{1,40}$'),
  name text not null,
  created_at timestamptz not null default now()
);

create table sites (
  operation_id uuid not null references operations (id),
  id uuid not null,
  code text not null,
  name text not null,
  setting text check (setting in ('camp', 'urban', 'settlement', 'detention', 'transit')),
  admin_area_code text,
  created_at timestamptz not null default now(),
  primary key (operation_id, id),
  unique (operation_id, code)
);

create table users (
  id uuid primary key,
  email text not null unique check (email = lower(email)),
  display_name text not null,
  password_hash text not null,
  role text not null check (role in ('administrator', 'supervisor', 'caseworker', 'analyst', 'auditor')),
  locale text not null default 'en',
  must_change_password boolean not null default false,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);

create table user_operations (
  user_id uuid not null references users (id),
  operation_id uuid not null references operations (id),
  primary key (user_id, operation_id)
);

create table sessions (
  token_hash bytea primary key,
  user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table households (
  operation_id uuid not null references operations (id),
  id uuid not null,
  site_id uuid,
  head_person_id uuid,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (operation_id, id),
  foreign key (operation_id, site_id) references sites (operation_id, id)
);

-- Immutable so it can back a stored generated column and a trigram index:
-- array_to_string is only STABLE in general, but is deterministic for text[].
create function waymark_name_text(given text, family text, other text[], original text)
returns text language sql immutable parallel safe
as $$ select lower(concat_ws(' ', given, family, array_to_string(other, ' '), original)) $$;

create table persons (
  operation_id uuid not null references operations (id),
  id uuid not null,
  household_id uuid,
  site_id uuid,
  given_name text not null check (length(given_name) between 1 and 200),
  family_name text not null check (length(family_name) between 0 and 200),
  other_names text[] not null default '{}',
  original_script_name text,
  sex text not null check (sex in ('female', 'male', 'other', 'unknown')),
  date_of_birth date,
  birth_year integer check (birth_year between 1880 and 2200),
  birth_year_estimated boolean not null default false,
  -- One comparable birth date for age filters: the exact date, else mid-year.
  birth_date_effective date generated always as (coalesce(date_of_birth, make_date(birth_year, 7, 1))) stored,
  nationality text check (nationality ~ '^[A-Z]{3}$'),
  languages text[] not null default '{}',
  setting text check (setting in ('camp', 'urban', 'settlement', 'detention', 'transit')),
  admin_area_code text,
  legal_status text check (legal_status in
    ('registered_refugee', 'asylum_seeker', 'unregistered', 'stateless', 'irregular_migrant', 'detained', 'other')),
  documents text[] not null default '{}',
  arrival_date date,
  relationship_to_head text check (relationship_to_head in
    ('head', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'grandparent', 'other_relative', 'non_relative')),
  care_situation text check (care_situation in
    ('with_parents', 'separated', 'unaccompanied', 'child_headed_household', 'foster_kinship_carer')),
  risk_level text check (risk_level in ('low', 'medium', 'high', 'critical')),
  risk_rank smallint generated always as (
    case risk_level when 'low' then 1 when 'medium' then 2 when 'high' then 3 when 'critical' then 4 end
  ) stored,
  latest_screening_id uuid,
  screened_at timestamptz,
  name_text text generated always as
    (waymark_name_text(given_name, family_name, other_names, original_script_name)) stored,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (operation_id, id),
  check (date_of_birth is not null or birth_year is not null),
  check (household_id is not null or relationship_to_head is null),
  foreign key (operation_id, household_id) references households (operation_id, id),
  foreign key (operation_id, site_id) references sites (operation_id, id)
);
create index persons_list_idx on persons (operation_id, created_at desc, id);
create index persons_household_idx on persons (operation_id, household_id);
create index persons_risk_idx on persons (operation_id, risk_rank, created_at desc);
create index persons_site_idx on persons (operation_id, site_id);
create index persons_birth_idx on persons (operation_id, birth_date_effective);
create index persons_name_trgm_idx on persons using gin (name_text gin_trgm_ops);

alter table households
  add foreign key (operation_id, head_person_id) references persons (operation_id, id)
  deferrable initially deferred;

create table screenings (
  operation_id uuid not null references operations (id),
  id uuid not null,
  person_id uuid not null,
  instrument_id text not null,
  instrument_version integer not null,
  rule_version text not null,
  responses jsonb not null,
  outcome jsonb not null,
  risk_level text not null check (risk_level in ('low', 'medium', 'high', 'critical')),
  -- A re-score under a newer rule keeps the answers it re-used traceable.
  rescored_from uuid,
  screened_at timestamptz not null default now(),
  screened_by uuid,
  primary key (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id)
);
create index screenings_person_idx on screenings (operation_id, person_id, screened_at desc);

-- Written in the same transaction as the change it records. Holds ids and codes only,
-- never names or answers, so the trail itself leaks nothing.
create table audit_events (
  id bigint generated always as identity primary key,
  operation_id uuid,
  at timestamptz not null default now(),
  actor_id uuid,
  action text not null,
  resource_type text not null,
  resource_id uuid,
  details jsonb not null default '{}'
);
create index audit_events_resource_idx on audit_events (resource_type, resource_id);
