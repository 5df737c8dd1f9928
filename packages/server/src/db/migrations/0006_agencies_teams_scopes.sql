-- Who holds a record: operations contain agencies (UNHCR office, NGO, government,
-- anti-trafficking organisation); agencies contain teams; users belong to one agency and
-- may belong to teams. Each person and household is held by an agency, may be held by a
-- team, and may be assigned to one worker. A user's scope (own/team/agency/operation)
-- says which of those records their role's verbs reach; list queries apply it in SQL.

create table agencies (
  operation_id uuid not null references operations (id),
  id uuid not null,
  code text not null check (code ~ '^[A-Za-z0-9_-]{1,40}$'),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('unhcr', 'un_agency', 'ngo', 'government', 'anti_trafficking', 'other')),
  created_at timestamptz not null default now(),
  primary key (operation_id, id),
  unique (operation_id, code)
);
-- Agency ids are unique on their own too, so users can point at one without its operation.
create unique index agencies_id_idx on agencies (id);

create table teams (
  operation_id uuid not null,
  id uuid not null,
  agency_id uuid not null,
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  primary key (operation_id, id),
  unique (operation_id, agency_id, name),
  foreign key (operation_id, agency_id) references agencies (operation_id, id)
);

create table team_members (
  operation_id uuid not null,
  team_id uuid not null,
  user_id uuid not null references users (id),
  primary key (operation_id, team_id, user_id),
  foreign key (operation_id, team_id) references teams (operation_id, id)
);
create index team_members_user_idx on team_members (user_id);

-- Every operation gets a first agency, so records and users that exist already have a holder.
insert into agencies (operation_id, id, code, name, kind)
select id, gen_random_uuid(), 'default', name || ' (first agency)', 'other' from operations;

alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (role in (
  'administrator', 'supervisor', 'caseworker', 'child_protection_officer', 'protection_officer',
  'partner_caseworker', 'analyst', 'auditor'));
alter table users add column scope text not null default 'agency'
  check (scope in ('own', 'team', 'agency', 'operation'));
alter table users add column agency_id uuid references agencies (id);
update users set scope = 'operation' where role in ('administrator', 'analyst', 'auditor');
update users u set agency_id = (
  select a.id from user_operations uo join agencies a on a.operation_id = uo.operation_id and a.code = 'default'
  where uo.user_id = u.id order by uo.operation_id limit 1);

alter table persons add column agency_id uuid;
alter table persons add column team_id uuid;
alter table persons add column assigned_user_id uuid references users (id);
update persons p set agency_id = a.id from agencies a where a.operation_id = p.operation_id and a.code = 'default';
alter table persons alter column agency_id set not null;
alter table persons add foreign key (operation_id, agency_id) references agencies (operation_id, id);
alter table persons add foreign key (operation_id, team_id) references teams (operation_id, id);

alter table households add column agency_id uuid;
alter table households add column team_id uuid;
alter table households add column assigned_user_id uuid references users (id);
update households h set agency_id = a.id from agencies a where a.operation_id = h.operation_id and a.code = 'default';
alter table households alter column agency_id set not null;
alter table households add foreign key (operation_id, agency_id) references agencies (operation_id, id);
alter table households add foreign key (operation_id, team_id) references teams (operation_id, id);

-- Scoped lists, newest first: by agency for most field staff, by assignee for "own".
create index persons_agency_list_idx on persons (operation_id, agency_id, created_at desc, id);
create index persons_assigned_idx on persons (operation_id, assigned_user_id, created_at desc)
  where assigned_user_id is not null;
create index persons_team_idx on persons (operation_id, team_id, created_at desc)
  where team_id is not null;
