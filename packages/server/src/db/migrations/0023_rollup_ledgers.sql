-- The population rollups become ledgers: every write appends its signed deltas, and a
-- compaction folds an operation's rows into one row per key from time to time.
--
-- Why (docs/PERFORMANCE.md, docs/ARCHITECTURE.md): upserting some 10,000 distinct keys per
-- 20,000-person batch into keyed rows made the 1,000,000-person bulk load 3.4-4x its raw
-- COPY, and the cost grew faster than the data (each upsert an index probe and a new row
-- version of an ever larger table). Appending is a plain insert. Readers already sum(n)
-- over the rows of a key, so an unfolded ledger gives the same numbers as a folded one,
-- in every snapshot: no reader ever sees a half-applied change. Appends take no row locks,
-- so two writers can no longer deadlock on shared rollup rows either.

drop index population_rollup_key;
drop index population_domain_rollup_key;
drop index screening_trend_rollup_key;

-- Rows before this migration are one per key already: folded.
alter table population_rollup add column compacted boolean not null default true;
alter table population_rollup alter column compacted set default false;
alter table population_domain_rollup add column compacted boolean not null default true;
alter table population_domain_rollup alter column compacted set default false;
alter table screening_trend_rollup add column compacted boolean not null default true;
alter table screening_trend_rollup alter column compacted set default false;

-- Readers filter by operation; the compaction counts what is not folded yet.
create index population_rollup_operation_idx on population_rollup (operation_id, compacted);
create index population_domain_rollup_operation_idx on population_domain_rollup (operation_id, compacted);
create index screening_trend_rollup_operation_idx on screening_trend_rollup (operation_id, compacted);

-- Each delta is built from rows (`src`) that carry a person's counted dimensions under
-- these names, plus what the rollup counts and a sign (+1 added, -1 taken away):
--   operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status,
--   care_situation, sign
-- and for people: risk_level; for domains: domains (the stored outcome's domains array);
-- for the trend: screened_at, screening_level.
drop function population_rollup_apply_persons(text);

create function population_rollup_people_delta(src text) returns text language sql immutable as $$
  select format($f$
    insert into population_rollup
      (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n)
    select operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, sum(sign)
      from (%s) c
     group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    having sum(sign) <> 0
  $f$, src)
$$;

-- A domain counts at medium or above (the stored outcome lists only domains with a signal;
-- a domain without one is low).
create function population_rollup_domains_delta(src text) returns text language sql immutable as $$
  select format($f$
    insert into population_domain_rollup
      (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level, n)
    select c.operation_id, c.site_id, c.admin_area_code, c.setting, c.sex, c.birth_year, c.legal_status, c.care_situation,
           d.value ->> 'domain', d.value ->> 'level', sum(c.sign)
      from (%s) c
      cross join lateral jsonb_array_elements(c.domains) as d(value)
     where d.value ->> 'level' in ('medium', 'high', 'critical')
     group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    having sum(c.sign) <> 0
  $f$, src)
$$;

create function population_rollup_trend_delta(src text) returns text language sql immutable as $$
  select format($f$
    insert into screening_trend_rollup
      (operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n)
    select operation_id, date_trunc('month', screened_at at time zone 'UTC')::date, site_id, admin_area_code, setting,
           sex, birth_year, legal_status, care_situation, screening_level, sum(sign)
      from (%s) c
     group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    having sum(sign) <> 0
  $f$, src)
$$;

create or replace function population_rollup_persons() returns trigger language plpgsql as $$
declare
  counted constant text := '%1$s.site_id, %1$s.admin_area_code, %1$s.setting, %1$s.sex, %1$s.birth_date_effective, %1$s.legal_status, %1$s.care_situation';
  people text;
begin
  if tg_op = 'INSERT' then
    -- A screening references its person, so a new person's screenings (if the writer points
    -- at one already, as the bulk loader does) arrive after it and count themselves.
    people := format('select %s, n.risk_level, n.latest_screening_id, n.id, false as dims_changed, 1 as sign from new_rows n',
      population_rollup_person_columns('n'));
  elsif tg_op = 'DELETE' then
    -- Screenings reference their person, so they were deleted (and subtracted) first.
    people := format('select %s, o.risk_level, o.latest_screening_id, o.id, false as dims_changed, -1 as sign from old_rows o',
      population_rollup_person_columns('o'));
  else
    -- Only rows whose counted columns changed: an edit of a name moves nothing.
    people := format($f$
      select %3$s, o.risk_level, o.latest_screening_id, o.id, (%1$s) is distinct from (%2$s) as dims_changed, -1 as sign
        from old_rows o join new_rows n on n.operation_id = o.operation_id and n.id = o.id
       where (%1$s, o.risk_level, o.latest_screening_id) is distinct from (%2$s, n.risk_level, n.latest_screening_id)
      union all
      select %4$s, n.risk_level, n.latest_screening_id, n.id, (%1$s) is distinct from (%2$s) as dims_changed, 1 as sign
        from old_rows o join new_rows n on n.operation_id = o.operation_id and n.id = o.id
       where (%1$s, o.risk_level, o.latest_screening_id) is distinct from (%2$s, n.risk_level, n.latest_screening_id)
    $f$, format(counted, 'o'), format(counted, 'n'), population_rollup_person_columns('o'), population_rollup_person_columns('n'));
  end if;
  execute population_rollup_people_delta(people);
  if tg_op = 'UPDATE' then
    -- The person's current screening counts by domain under their dimensions as they are.
    execute population_rollup_domains_delta(format($f$
      select c.*, s.outcome -> 'domains' as domains
        from (%s) c join screenings s on s.operation_id = c.operation_id and s.id = c.latest_screening_id
    $f$, people));
    -- A person whose dimensions changed takes their original screenings with them.
    execute population_rollup_trend_delta(format($f$
      select c.*, s.screened_at, s.risk_level as screening_level
        from (%s) c join screenings s on s.operation_id = c.operation_id and s.person_id = c.id
       where c.dims_changed and s.rescored_from is null
    $f$, people));
  end if;
  return null;
end $$;

-- Screenings: the trend counts every original screening; the domain rollup counts a
-- screening only while it is its person's current one. Through the API a screening is
-- written before its person points at it (the person's update then counts it); a COPY
-- that writes the person first, already pointing at it, counts it here.
create or replace function population_rollup_screenings() returns trigger language plpgsql as $$
declare
  src text;
  counted constant text := '(%1$s.person_id, %1$s.outcome -> ''domains'', %1$s.risk_level, %1$s.rescored_from, %1$s.screened_at)';
  columns constant text := '%1$s.operation_id, %1$s.id, %1$s.person_id, %1$s.outcome, %1$s.risk_level, %1$s.rescored_from, %1$s.screened_at';
  screened text;
begin
  if tg_op = 'INSERT' then
    src := format('select %s, 1 as sign from new_rows n', format(columns, 'n'));
  elsif tg_op = 'DELETE' then
    src := format('select %s, -1 as sign from old_rows o', format(columns, 'o'));
  else
    -- Only rows whose counted columns changed: re-sealing answers under a new key moves nothing.
    src := format($f$
      select %1$s, -1 as sign from old_rows o join new_rows n on n.operation_id = o.operation_id and n.id = o.id where %3$s is distinct from %4$s
      union all
      select %2$s, 1 as sign from old_rows o join new_rows n on n.operation_id = o.operation_id and n.id = o.id where %3$s is distinct from %4$s
    $f$, format(columns, 'o'), format(columns, 'n'), format(counted, 'o'), format(counted, 'n'));
  end if;
  -- The screened person's dimensions beside each screening row.
  screened := format($f$
    select %s, s.id as screening_id, s.outcome -> 'domains' as domains, s.screened_at, s.risk_level as screening_level,
           s.rescored_from, p.latest_screening_id, s.sign
      from (%s) s join persons p on p.operation_id = s.operation_id and p.id = s.person_id
  $f$, population_rollup_person_columns('p'), src);
  execute population_rollup_domains_delta(format('select * from (%s) x where x.latest_screening_id = x.screening_id', screened));
  execute population_rollup_trend_delta(format('select * from (%s) x where x.rescored_from is null', screened));
  return null;
end $$;

-- The triggers stand aside in a transaction that keeps the rollups itself: a restore (it
-- copies the rollup rows as they were) and the bulk loader (it appends the deltas of the
-- rows it writes, counted as it builds them). Either sets `waymark.rollups` for its own
-- transaction only (set local).
drop trigger population_rollup_persons_insert on persons;
drop trigger population_rollup_persons_update on persons;
drop trigger population_rollup_persons_delete on persons;
drop trigger population_rollup_screenings_insert on screenings;
drop trigger population_rollup_screenings_update on screenings;
drop trigger population_rollup_screenings_delete on screenings;

create trigger population_rollup_persons_insert after insert on persons
  referencing new table as new_rows for each statement
  when (coalesce(current_setting('waymark.rollups', true), '') = '')
  execute function population_rollup_persons();
create trigger population_rollup_persons_update after update on persons
  referencing old table as old_rows new table as new_rows for each statement
  when (coalesce(current_setting('waymark.rollups', true), '') = '')
  execute function population_rollup_persons();
create trigger population_rollup_persons_delete after delete on persons
  referencing old table as old_rows for each statement
  when (coalesce(current_setting('waymark.rollups', true), '') = '')
  execute function population_rollup_persons();
create trigger population_rollup_screenings_insert after insert on screenings
  referencing new table as new_rows for each statement
  when (coalesce(current_setting('waymark.rollups', true), '') = '')
  execute function population_rollup_screenings();
create trigger population_rollup_screenings_update after update on screenings
  referencing old table as old_rows new table as new_rows for each statement
  when (coalesce(current_setting('waymark.rollups', true), '') = '')
  execute function population_rollup_screenings();
create trigger population_rollup_screenings_delete after delete on screenings
  referencing old table as old_rows for each statement
  when (coalesce(current_setting('waymark.rollups', true), '') = '')
  execute function population_rollup_screenings();

-- Folds an operation's ledger rows into one row per key (keys summing to 0 go). The caller
-- holds the compaction lock, so two compactions never fold the same rows; writers that
-- commit meanwhile keep their rows, which this statement's snapshot did not see.
create function population_rollups_compact(operation uuid) returns void language plpgsql as $$
begin
  with gone as (delete from population_rollup where operation_id = operation returning *)
  insert into population_rollup
    (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n, compacted)
  select operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, sum(n), true
    from gone group by 1, 2, 3, 4, 5, 6, 7, 8, 9 having sum(n) <> 0;

  with gone as (delete from population_domain_rollup where operation_id = operation returning *)
  insert into population_domain_rollup
    (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level, n, compacted)
  select operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level, sum(n), true
    from gone group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 having sum(n) <> 0;

  with gone as (delete from screening_trend_rollup where operation_id = operation returning *)
  insert into screening_trend_rollup
    (operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n, compacted)
  select operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, sum(n), true
    from gone group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 having sum(n) <> 0;
end $$;
