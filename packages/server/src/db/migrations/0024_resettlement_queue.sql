-- The resettlement queue kept by the database, so that a page is read in queue order and the
-- explanation's whole-queue counts come from a small grouped histogram (issue 4: the queue
-- within 200 ms at 1,000,000 persons; docs/ARCHITECTURE.md, docs/PERFORMANCE.md).
--
-- Before this, every request read every queued case with its risk computed per row (a
-- person's risk_rank, or the highest over a household's members: some 10,000 random reads
-- of persons at 1,000,000 persons) and core ordered them all. Now one narrow row per queued
-- case holds the queue's keys, who holds the case (for the scope condition) and who is on
-- it (to find the rows a person write moves). Triggers keep it exact inside the writing
-- transaction: a re-screening moves the queue in the same transaction as the screening.

create table resettlement_queue (
  operation_id uuid not null,
  case_id uuid not null,
  -- The queue's keys: 0 emergency, 1 urgent, 2 normal; risk on persons.risk_rank's scale
  -- (4 critical .. 1 low): the case's highest current member level, else the case's priority.
  priority_rank smallint not null check (priority_rank between 0 and 2),
  risk_rank smallint not null check (risk_rank between 1 and 4),
  waiting_since date not null,
  -- Who holds the case: the scope condition (src/db/scope.ts) reads these as it reads cases'.
  agency_id uuid not null,
  team_id uuid,
  assigned_user_id uuid,
  -- Who is on the case: a person's case names the person, a household's the household.
  person_id uuid,
  household_id uuid,
  primary key (operation_id, case_id),
  -- A deleted submission leaves the queue with it.
  foreign key (operation_id, case_id) references resettlement_submissions (operation_id, case_id) on delete cascade,
  check ((person_id is null) <> (household_id is null))
);
-- The queue's order (with who holds each case, so the histogram is an index-only scan).
create index resettlement_queue_order_idx on resettlement_queue
  (operation_id, priority_rank, risk_rank desc, waiting_since, case_id) include (agency_id, team_id, assigned_user_id);
-- A person write finds the queued cases it moves by these.
create index resettlement_queue_person_idx on resettlement_queue (operation_id, person_id) where person_id is not null;
create index resettlement_queue_household_idx on resettlement_queue (operation_id, household_id) where household_id is not null;

-- What the queue must hold, computed from the tables: the one definition of a queued case
-- and of its risk (the same as the query it replaces). The triggers copy from it for the
-- cases a write touched; tests compare the whole table with it.
create view resettlement_queue_source as
select rs.operation_id, rs.case_id,
       (case rs.priority when 'emergency' then 0 when 'urgent' then 1 else 2 end)::smallint as priority_rank,
       coalesce(
         case when c.person_id is not null
           then (select p.risk_rank from persons p where p.operation_id = c.operation_id and p.id = c.person_id)
           else (select max(p.risk_rank) from persons p where p.operation_id = c.operation_id and p.household_id = c.household_id)
         end,
         case c.priority when 'critical' then 4 when 'high' then 3 when 'medium' then 2 when 'low' then 1 end
       )::smallint as risk_rank,
       rs.waiting_since, c.agency_id, c.team_id, c.assigned_user_id, c.person_id, c.household_id
  from resettlement_submissions rs
  join cases c on c.operation_id = rs.operation_id and c.id = rs.case_id
 where rs.submitted_at is null and c.status <> 'closed';

-- A restore copies this table as it was, like every other: the triggers stand aside in its
-- transaction. The restore marks it with `waymark.restoring` (migration 0020) or
-- `waymark.rollups = 'restoring'` (the rollup keeper); either is honoured here.
create function resettlement_queue_stands_aside() returns boolean language sql stable as $$
  select coalesce(current_setting('waymark.restoring', true), '') = 'on'
      or coalesce(current_setting('waymark.rollups', true), '') = 'restoring'
$$;

-- Concurrency. A stored risk is a cache of other rows, so two transactions must not each
-- compute it from a snapshot that misses the other's change. Every writer of a queue row
-- therefore first locks, then computes in a later statement (in READ COMMITTED each
-- statement of a function sees what committed before it):
--  * a person write locks the queue rows it moves (in key order), so two person writes on
--    one case run one after the other, the second recomputing with the first's change;
--  * a queue write (a submission, or a case's change) locks what the row is computed from:
--    the case, a person's row, a household's member rows (FOR SHARE: a concurrent re-score,
--    move or removal of a member waits, or is waited for) and the household's row FOR
--    UPDATE (a person joining the household takes FOR KEY SHARE on it through the foreign
--    key, so joining waits too). Whichever comes second sees the first's committed rows.
-- Under REPEATABLE READ or SERIALIZABLE the second writer fails with a serialization error
-- instead of writing a stale risk.

-- Brings the queue rows of these cases to what resettlement_queue_source says: inserted,
-- updated (only when something differs) or removed.
create function resettlement_queue_sync(operation_ids uuid[], case_ids uuid[]) returns void language plpgsql as $$
begin
  perform 1 from cases c join unnest(operation_ids, case_ids) k(operation_id, case_id) on c.operation_id = k.operation_id and c.id = k.case_id
    order by c.operation_id, c.id for share of c;
  perform 1 from persons p
    join cases c on c.operation_id = p.operation_id and c.person_id = p.id
    join unnest(operation_ids, case_ids) k(operation_id, case_id) on c.operation_id = k.operation_id and c.id = k.case_id
    order by p.operation_id, p.id for share of p;
  perform 1 from households h
    join cases c on c.operation_id = h.operation_id and c.household_id = h.id
    join unnest(operation_ids, case_ids) k(operation_id, case_id) on c.operation_id = k.operation_id and c.id = k.case_id
    order by h.operation_id, h.id for update of h;
  perform 1 from persons p
    join cases c on c.operation_id = p.operation_id and c.household_id = p.household_id
    join unnest(operation_ids, case_ids) k(operation_id, case_id) on c.operation_id = k.operation_id and c.id = k.case_id
    order by p.operation_id, p.id for share of p;

  delete from resettlement_queue q
   using unnest(operation_ids, case_ids) k(operation_id, case_id)
   where q.operation_id = k.operation_id and q.case_id = k.case_id
     and not exists (select 1 from resettlement_queue_source s where s.operation_id = q.operation_id and s.case_id = q.case_id);
  insert into resettlement_queue as q
    (operation_id, case_id, priority_rank, risk_rank, waiting_since, agency_id, team_id, assigned_user_id, person_id, household_id)
  select s.operation_id, s.case_id, s.priority_rank, s.risk_rank, s.waiting_since, s.agency_id, s.team_id, s.assigned_user_id, s.person_id, s.household_id
    from resettlement_queue_source s
    join unnest(operation_ids, case_ids) k(operation_id, case_id) on s.operation_id = k.operation_id and s.case_id = k.case_id
  on conflict (operation_id, case_id) do update
    set priority_rank = excluded.priority_rank, risk_rank = excluded.risk_rank, waiting_since = excluded.waiting_since,
        agency_id = excluded.agency_id, team_id = excluded.team_id, assigned_user_id = excluded.assigned_user_id,
        person_id = excluded.person_id, household_id = excluded.household_id
    where (q.priority_rank, q.risk_rank, q.waiting_since, q.agency_id, q.team_id, q.assigned_user_id, q.person_id, q.household_id)
          is distinct from
          (excluded.priority_rank, excluded.risk_rank, excluded.waiting_since, excluded.agency_id, excluded.team_id,
           excluded.assigned_user_id, excluded.person_id, excluded.household_id);
end
$$;

-- Recomputes the risk of queue rows the caller has locked (a person write's second step).
create function resettlement_queue_rerisk(operation_ids uuid[], case_ids uuid[]) returns void language sql as $$
  update resettlement_queue q set risk_rank = s.risk_rank
    from unnest(operation_ids, case_ids) k(operation_id, case_id), resettlement_queue_source s
   where q.operation_id = k.operation_id and q.case_id = k.case_id
     and s.operation_id = k.operation_id and s.case_id = k.case_id
     and q.risk_rank <> s.risk_rank
$$;

-- Submissions: a confirmation enters the queue; a change of priority, date or submission
-- moves or removes it (a deleted submission cascades).
create function resettlement_queue_submissions() returns trigger language plpgsql as $$
declare
  ops uuid[];
  ids uuid[];
begin
  select array_agg(operation_id order by operation_id, case_id), array_agg(case_id order by operation_id, case_id) into ops, ids from new_rows;
  if ops is not null then perform resettlement_queue_sync(ops, ids); end if;
  return null;
end
$$;
create trigger resettlement_queue_submissions_insert after insert on resettlement_submissions
  referencing new table as new_rows for each statement
  when (not resettlement_queue_stands_aside())
  execute function resettlement_queue_submissions();
create trigger resettlement_queue_submissions_update after update on resettlement_submissions
  referencing new table as new_rows for each statement
  when (not resettlement_queue_stands_aside())
  execute function resettlement_queue_submissions();

-- Cases: closing leaves the queue; a change of holder moves the row between scopes; a
-- change of who is on the case or of its priority (the risk of nobody screened) re-risks it.
-- Row by row, and only when one of those columns changed: case edits are one at a time, and
-- most (the plan, tasks, a version bump) change none of them.
create function resettlement_queue_case() returns trigger language plpgsql as $$
begin
  perform resettlement_queue_sync(array[new.operation_id], array[new.id]);
  return null;
end
$$;
create trigger resettlement_queue_case_update after update on cases
  for each row
  when ((old.status, old.priority, old.person_id, old.household_id, old.agency_id, old.team_id, old.assigned_user_id)
        is distinct from (new.status, new.priority, new.person_id, new.household_id, new.agency_id, new.team_id, new.assigned_user_id)
        and not resettlement_queue_stands_aside())
  execute function resettlement_queue_case();

-- Persons: a re-screening, a move between households, a new member or a removed one
-- changes the risk of the queued cases they are on. Statement by statement, with the
-- transition tables the rollup triggers capture anyway; the queue's own small indexes
-- answer "is anyone here on the queue?", so a write that touches nobody queued (almost
-- every one: some 10,000 queued cases among 1,000,000 persons) costs little.
create function resettlement_queue_persons() returns trigger language plpgsql as $$
declare
  ops uuid[];
  ids uuid[];
begin
  if TG_OP = 'INSERT' then
    -- A new person is on a queued case only through a household (a person's case names a person who exists).
    if not exists (select 1 from resettlement_queue where household_id is not null) then return null; end if;
    with hit as (
      select distinct q.operation_id, q.case_id from resettlement_queue q
        join new_rows n on n.operation_id = q.operation_id and n.household_id = q.household_id)
    select array_agg(locked.operation_id), array_agg(locked.case_id) into ops, ids
      from (select q.operation_id, q.case_id from resettlement_queue q join hit on hit.operation_id = q.operation_id and hit.case_id = q.case_id
             order by q.operation_id, q.case_id for update of q) locked;
  elsif TG_OP = 'UPDATE' then
    if not exists (select 1 from resettlement_queue) then return null; end if;
    -- Only a changed level or household moves the queue: an edit, or a re-score to the same
    -- level, locks nothing. A person who changed must lock even when the case's highest level
    -- stays the same, because a concurrent change of another member may make it matter.
    with changed as materialized (
      select n.operation_id, n.id, n.household_id as new_household, o.household_id as old_household
        from new_rows n join old_rows o on o.operation_id = n.operation_id and o.id = n.id
       where n.risk_rank is distinct from o.risk_rank or n.household_id is distinct from o.household_id),
    hit as (
      select q.operation_id, q.case_id from resettlement_queue q join changed c on c.operation_id = q.operation_id and c.id = q.person_id
      union
      select q.operation_id, q.case_id from resettlement_queue q join changed c on c.operation_id = q.operation_id and c.new_household = q.household_id
      union
      select q.operation_id, q.case_id from resettlement_queue q join changed c on c.operation_id = q.operation_id and c.old_household = q.household_id)
    select array_agg(locked.operation_id), array_agg(locked.case_id) into ops, ids
      from (select q.operation_id, q.case_id from resettlement_queue q join hit on hit.operation_id = q.operation_id and hit.case_id = q.case_id
             order by q.operation_id, q.case_id for update of q) locked;
  else
    -- A person on a person's case cannot be deleted (the case's foreign key): only household members.
    if not exists (select 1 from resettlement_queue where household_id is not null) then return null; end if;
    with hit as (
      select distinct q.operation_id, q.case_id from resettlement_queue q
        join old_rows o on o.operation_id = q.operation_id and o.household_id = q.household_id)
    select array_agg(locked.operation_id), array_agg(locked.case_id) into ops, ids
      from (select q.operation_id, q.case_id from resettlement_queue q join hit on hit.operation_id = q.operation_id and hit.case_id = q.case_id
             order by q.operation_id, q.case_id for update of q) locked;
  end if;
  -- A later statement, so it sees what committed while this one waited for the locks.
  if ops is not null then perform resettlement_queue_rerisk(ops, ids); end if;
  return null;
end
$$;
create trigger resettlement_queue_persons_insert after insert on persons
  referencing new table as new_rows for each statement
  when (not resettlement_queue_stands_aside())
  execute function resettlement_queue_persons();
create trigger resettlement_queue_persons_update after update on persons
  referencing old table as old_rows new table as new_rows for each statement
  when (not resettlement_queue_stands_aside())
  execute function resettlement_queue_persons();
create trigger resettlement_queue_persons_delete after delete on persons
  referencing old table as old_rows for each statement
  when (not resettlement_queue_stands_aside())
  execute function resettlement_queue_persons();

insert into resettlement_queue
  (operation_id, case_id, priority_rank, risk_rank, waiting_since, agency_id, team_id, assigned_user_id, person_id, household_id)
select operation_id, case_id, priority_rank, risk_rank, waiting_since, agency_id, team_id, assigned_user_id, person_id, household_id
  from resettlement_queue_source;
