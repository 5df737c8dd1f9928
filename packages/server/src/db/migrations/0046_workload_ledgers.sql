-- Each worker's load kept as the writes happen (issue 13 §2): the supervisors' workload list
-- counted every open case of the agency and every open task of its workers at each read (96 /
-- 81 ms at 1,000,000 persons, what its raw SQL costs). It now sums two small ledgers of signed
-- deltas, built like the population rollups (migration 0023): statement-level triggers with
-- transition tables append what a statement added (+1) and took away (-1) per key, inside the
-- writing transaction, so API writes, COPY and batch updates are all counted; appends take no
-- row locks; readers sum per key, so an unfolded ledger reads the same as a folded one; the
-- rollups' compaction (same advisory lock, same schedule) folds them.
--
-- Open tasks are kept per due WEEK, not per day: "overdue" moves with the calendar, so the
-- reader takes whole weeks before this one from the ledger and the few days of this week
-- before today from case_tasks itself (the My work index). Per-day keys would be as many
-- rows as the open tasks of a worker with tasks on many days: no gain over the raw count.

-- Open (not closed) cases held by a worker, per operation and holding agency.
create table workload_case_ledger (
  operation_id uuid not null,
  agency_id uuid not null,
  user_id uuid not null,
  n integer not null,
  compacted boolean not null default false
);
create index workload_case_ledger_key on workload_case_ledger (operation_id, agency_id, user_id) include (n);

-- Open (not done) tasks owned by a worker, per operation and week of their due date (null: no date).
create table workload_task_ledger (
  operation_id uuid not null,
  user_id uuid not null,
  due_week date,
  n integer not null,
  compacted boolean not null default false
);
create index workload_task_ledger_key on workload_task_ledger (operation_id, user_id, due_week) include (n);

create function workload_cases() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into workload_case_ledger (operation_id, agency_id, user_id, n)
    select operation_id, agency_id, assigned_user_id, count(*) from new_rows
     where status <> 'closed' and assigned_user_id is not null group by 1, 2, 3;
  elsif tg_op = 'DELETE' then
    insert into workload_case_ledger (operation_id, agency_id, user_id, n)
    select operation_id, agency_id, assigned_user_id, -count(*) from old_rows
     where status <> 'closed' and assigned_user_id is not null group by 1, 2, 3;
  else
    insert into workload_case_ledger (operation_id, agency_id, user_id, n)
    select operation_id, agency_id, user_id, sum(sign) from (
      select operation_id, agency_id, assigned_user_id as user_id, 1 as sign from new_rows where status <> 'closed' and assigned_user_id is not null
      union all
      select operation_id, agency_id, assigned_user_id, -1 from old_rows where status <> 'closed' and assigned_user_id is not null
    ) d group by 1, 2, 3 having sum(sign) <> 0;
  end if;
  return null;
end $$;

create function workload_tasks() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into workload_task_ledger (operation_id, user_id, due_week, n)
    select operation_id, owner_user_id, date_trunc('week', due_date::timestamp)::date, count(*) from new_rows
     where done_at is null and owner_user_id is not null group by 1, 2, 3;
  elsif tg_op = 'DELETE' then
    insert into workload_task_ledger (operation_id, user_id, due_week, n)
    select operation_id, owner_user_id, date_trunc('week', due_date::timestamp)::date, -count(*) from old_rows
     where done_at is null and owner_user_id is not null group by 1, 2, 3;
  else
    insert into workload_task_ledger (operation_id, user_id, due_week, n)
    select operation_id, user_id, due_week, sum(sign) from (
      select operation_id, owner_user_id as user_id, date_trunc('week', due_date::timestamp)::date as due_week, 1 as sign
        from new_rows where done_at is null and owner_user_id is not null
      union all
      select operation_id, owner_user_id, date_trunc('week', due_date::timestamp)::date, -1
        from old_rows where done_at is null and owner_user_id is not null
    ) d group by 1, 2, 3 having sum(sign) <> 0;
  end if;
  return null;
end $$;

-- A restore copies the ledgers as they were (the rollup keeper's 'restoring'); nothing else
-- stands them aside: the bulk loader writes no cases or tasks.
create trigger workload_cases_insert after insert on cases referencing new table as new_rows for each statement
  when (coalesce(current_setting('waymark.rollups', true), '') <> 'restoring') execute function workload_cases();
create trigger workload_cases_update after update on cases referencing old table as old_rows new table as new_rows for each statement
  when (coalesce(current_setting('waymark.rollups', true), '') <> 'restoring') execute function workload_cases();
create trigger workload_cases_delete after delete on cases referencing old table as old_rows for each statement
  when (coalesce(current_setting('waymark.rollups', true), '') <> 'restoring') execute function workload_cases();
create trigger workload_tasks_insert after insert on case_tasks referencing new table as new_rows for each statement
  when (coalesce(current_setting('waymark.rollups', true), '') <> 'restoring') execute function workload_tasks();
create trigger workload_tasks_update after update on case_tasks referencing old table as old_rows new table as new_rows for each statement
  when (coalesce(current_setting('waymark.rollups', true), '') <> 'restoring') execute function workload_tasks();
create trigger workload_tasks_delete after delete on case_tasks referencing old table as old_rows for each statement
  when (coalesce(current_setting('waymark.rollups', true), '') <> 'restoring') execute function workload_tasks();

-- Folds one operation's workload ledgers into one row per key (keys summing to 0 go). Called
-- with the rollups' compaction, under its advisory lock, in its transaction.
create function workload_ledgers_compact(operation uuid) returns void language plpgsql as $$
begin
  with gone as (delete from workload_case_ledger where operation_id = operation returning *)
  insert into workload_case_ledger (operation_id, agency_id, user_id, n, compacted)
  select operation_id, agency_id, user_id, sum(n), true from gone group by 1, 2, 3 having sum(n) <> 0;
  with gone as (delete from workload_task_ledger where operation_id = operation returning *)
  insert into workload_task_ledger (operation_id, user_id, due_week, n, compacted)
  select operation_id, user_id, due_week, sum(n), true from gone group by 1, 2, 3 having sum(n) <> 0;
end $$;

-- What is there already, folded.
insert into workload_case_ledger (operation_id, agency_id, user_id, n, compacted)
select operation_id, agency_id, assigned_user_id, count(*), true from cases
 where status <> 'closed' and assigned_user_id is not null group by 1, 2, 3;
insert into workload_task_ledger (operation_id, user_id, due_week, n, compacted)
select operation_id, owner_user_id, date_trunc('week', due_date::timestamp)::date, count(*), true from case_tasks
 where done_at is null and owner_user_id is not null group by 1, 2, 3;
