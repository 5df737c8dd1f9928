-- Need to know in labour and programmes (issue 12 §3). Workplaces, labour reports and
-- programmes are held like persons: an agency, maybe a team, maybe an assigned worker
-- (src/db/scope.ts reads these columns as it reads persons'; core/policy
-- labour-programmes.ts says what each holder may do). Before this, any agency of the
-- operation could archive a workplace, rename a programme, record its sessions, and open an
-- informant's name.
--
-- Existing rows get owners from who made them: the creating user (created_by, recorded_by;
-- else the actor of the row's creation in the audit trail) when their agency works in the
-- row's operation, assigned to that user (no team: team memberships may have changed since);
-- otherwise the operation's first agency, unassigned, as src/use-cases/holder.ts does for an
-- operation-wide officer whose agency is not part of the operation. A report whose recorder
-- cannot be placed is held by its workplace's holder, so its informant stays readable to that
-- agency's cleared roles only.

alter table workplaces
  add column agency_id uuid,
  add column team_id uuid,
  add column assigned_user_id uuid references users (id);
alter table workplace_reports
  add column agency_id uuid,
  add column team_id uuid,
  add column assigned_user_id uuid references users (id);
alter table programmes
  add column agency_id uuid,
  add column team_id uuid,
  add column assigned_user_id uuid references users (id);

-- The user who made each row: its own column, else the audit trail's creation entry.
create temporary table row_makers (kind text not null, operation_id uuid not null, id uuid not null, maker uuid) on commit drop;
insert into row_makers
  select 'workplace', w.operation_id, w.id, coalesce(w.created_by,
    (select e.actor_id from audit_events e where e.resource_type = 'workplace' and e.resource_id = w.id and e.action = 'labour.workplace_create' order by e.id limit 1))
  from workplaces w;
insert into row_makers
  select 'report', r.operation_id, r.id, coalesce(r.recorded_by,
    (select e.actor_id from audit_events e where e.resource_type = 'workplace' and e.resource_id = r.workplace_id and e.action = 'labour.report_record'
       and e.details ->> 'reportId' = r.id::text order by e.id limit 1))
  from workplace_reports r;
insert into row_makers
  select 'programme', p.operation_id, p.id, coalesce(p.created_by,
    (select e.actor_id from audit_events e where e.resource_type = 'programme' and e.resource_id = p.id and e.action = 'programme.create' order by e.id limit 1))
  from programmes p;

-- Made by a user whose agency works in the row's operation: that agency, that user.
update workplaces w set agency_id = u.agency_id, assigned_user_id = u.id
  from row_makers m join users u on u.id = m.maker join agencies a on a.id = u.agency_id
  where m.kind = 'workplace' and m.operation_id = w.operation_id and m.id = w.id and a.operation_id = w.operation_id;
update workplace_reports r set agency_id = u.agency_id, assigned_user_id = u.id
  from row_makers m join users u on u.id = m.maker join agencies a on a.id = u.agency_id
  where m.kind = 'report' and m.operation_id = r.operation_id and m.id = r.id and a.operation_id = r.operation_id;
update programmes p set agency_id = u.agency_id, assigned_user_id = u.id
  from row_makers m join users u on u.id = m.maker join agencies a on a.id = u.agency_id
  where m.kind = 'programme' and m.operation_id = p.operation_id and m.id = p.id and a.operation_id = p.operation_id;

-- Otherwise: the operation's first agency, unassigned (a report: its workplace's holder).
update workplaces w set agency_id = (select a.id from agencies a where a.operation_id = w.operation_id order by a.created_at, a.id limit 1)
  where w.agency_id is null;
update workplace_reports r set agency_id = w.agency_id
  from workplaces w where r.agency_id is null and w.operation_id = r.operation_id and w.id = r.workplace_id;
update programmes p set agency_id = (select a.id from agencies a where a.operation_id = p.operation_id order by a.created_at, a.id limit 1)
  where p.agency_id is null;

alter table workplaces alter column agency_id set not null;
alter table workplaces add foreign key (operation_id, agency_id) references agencies (operation_id, id);
alter table workplaces add foreign key (operation_id, team_id) references teams (operation_id, id);
alter table workplace_reports alter column agency_id set not null;
alter table workplace_reports add foreign key (operation_id, agency_id) references agencies (operation_id, id);
alter table workplace_reports add foreign key (operation_id, team_id) references teams (operation_id, id);
alter table programmes alter column agency_id set not null;
alter table programmes add foreign key (operation_id, agency_id) references agencies (operation_id, id);
alter table programmes add foreign key (operation_id, team_id) references teams (operation_id, id);
