-- The population risk map (issue 5 items 1–3): admin-area boundaries per operation, the
-- disclosure threshold per operation, and rollups of the population that triggers keep
-- exact after every write, so a dashboard reads a few thousand rows, not every person.

-- Boundaries an operation works with (shipped geoBoundaries for the demo, or uploaded).
-- Geometry is GeoJSON kept as jsonb: the web app draws it, the server never computes on it
-- (no PostGIS needed). parent_code is the area one level up; ADM1 and ADM2 of one source
-- need not nest exactly, so the loader decides the parent by an interior point.
create table admin_areas (
  operation_id uuid not null references operations (id),
  code text not null check (length(code) between 1 and 120),
  level smallint not null check (level between 1 and 5),
  name text not null check (length(name) between 1 and 200),
  parent_code text,
  geometry jsonb not null,
  -- Where the shape came from (file name), for attribution on the map.
  source text not null,
  loaded_at timestamptz not null default now(),
  loaded_by uuid references users (id),
  primary key (operation_id, code)
);
create index admin_areas_level_idx on admin_areas (operation_id, level);

-- Cells under k are suppressed (core/disclosure). No row means the default, 5.
create table operation_disclosure (
  operation_id uuid primary key references operations (id),
  min_cell_count integer not null check (min_cell_count between 2 and 100),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id)
);

-- People by every dimension the map disaggregates by. Birth YEAR, not age bracket, so the
-- brackets stay right as years pass (a bracket is computed when read). risk_level null is
-- "not screened". Rows whose n falls to 0 stay (harmless for sums; a key that comes back
-- is reused).
create table population_rollup (
  operation_id uuid not null,
  site_id uuid,
  admin_area_code text,
  setting text,
  sex text not null,
  birth_year integer,
  legal_status text,
  care_situation text,
  risk_level text,
  n bigint not null
);
create unique index population_rollup_key on population_rollup
  (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level) nulls not distinct;

-- Each person's current screening, by risk domain: one count per domain at medium or above
-- (the stored outcome lists only domains with a signal; a domain without one is low).
create table population_domain_rollup (
  operation_id uuid not null,
  site_id uuid,
  admin_area_code text,
  setting text,
  sex text not null,
  birth_year integer,
  legal_status text,
  care_situation text,
  domain text not null,
  level text not null,
  n bigint not null
);
create unique index population_domain_rollup_key on population_domain_rollup
  (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level) nulls not distinct;

-- Screenings held per month (re-scores are not contacts and are left out), by the level
-- they found and the screened person's dimensions as they are now.
create table screening_trend_rollup (
  operation_id uuid not null,
  month date not null,
  site_id uuid,
  admin_area_code text,
  setting text,
  sex text not null,
  birth_year integer,
  legal_status text,
  care_situation text,
  risk_level text not null,
  n bigint not null
);
create unique index screening_trend_rollup_key on screening_trend_rollup
  (operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level) nulls not distinct;

-- Upserts of deltas are ordered by key so two writers never lock the same rows in
-- opposite orders. Statement-level triggers with transition tables cover single-row API
-- writes, COPY bulk loads and the re-score's batch UPDATE alike, at one upsert per
-- statement rather than one per row. Transition tables are visible only to the trigger
-- function's own statements, so each function names its rows as a subquery ("src") and
-- runs the same three upserts over it, whatever the event.

-- The dimensions of a person, as counted (birth year from the comparable birth date).
create function population_rollup_person_columns(alias text) returns text language sql immutable as $$
  select format('%1$s.operation_id, %1$s.site_id, %1$s.admin_area_code, %1$s.setting, %1$s.sex, '
    'extract(year from %1$s.birth_date_effective)::int as birth_year, %1$s.legal_status, %1$s.care_situation', alias)
$$;

-- Data-modifying WITH parts run to completion whether or not the main query reads them.
create function population_rollup_apply_persons(src text) returns text language sql immutable as $$
  -- src has: the person's dimensions, risk_level, latest_screening_id, id, dims_changed, sign.
  select format($f$
    with src as (%1$s),
    people as (
      insert into population_rollup as r
        (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n)
      select operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, sum(sign)
        from src
       group by 1, 2, 3, 4, 5, 6, 7, 8, 9
      having sum(sign) <> 0
       order by 1, 2, 3, 4, 5, 6, 7, 8, 9
      on conflict (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level)
      do update set n = r.n + excluded.n
      returning 1
    ),
    domains as (
      insert into population_domain_rollup as r
        (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level, n)
      select c.operation_id, c.site_id, c.admin_area_code, c.setting, c.sex, c.birth_year, c.legal_status, c.care_situation,
             d.value ->> 'domain', d.value ->> 'level', sum(c.sign)
        from src c
        join screenings s on s.operation_id = c.operation_id and s.id = c.latest_screening_id
        cross join lateral jsonb_array_elements(s.outcome -> 'domains') as d(value)
       where d.value ->> 'level' in ('medium', 'high', 'critical')
       group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      having sum(c.sign) <> 0
       order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      on conflict (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level)
      do update set n = r.n + excluded.n
      returning 1
    )
    -- A person whose dimensions changed takes their screenings with them.
    insert into screening_trend_rollup as r
      (operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n)
    select c.operation_id, date_trunc('month', s.screened_at at time zone 'UTC')::date, c.site_id, c.admin_area_code, c.setting,
           c.sex, c.birth_year, c.legal_status, c.care_situation, s.risk_level, sum(c.sign)
      from src c
      join screenings s on s.operation_id = c.operation_id and s.person_id = c.id
     where c.dims_changed and s.rescored_from is null
     group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    having sum(c.sign) <> 0
     order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    on conflict (operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level)
    do update set n = r.n + excluded.n
  $f$, src)
$$;

create function population_rollup_persons() returns trigger language plpgsql as $$
declare
  counted constant text := '%1$s.site_id, %1$s.admin_area_code, %1$s.setting, %1$s.sex, %1$s.birth_date_effective, %1$s.legal_status, %1$s.care_situation';
begin
  if tg_op = 'INSERT' then
    -- A screening references its person, so a new person has no screening yet: the joins
    -- to screenings find nothing and only the people rollup moves.
    execute population_rollup_apply_persons(format(
      'select %s, risk_level, latest_screening_id, id, false as dims_changed, 1 as sign from new_rows n',
      population_rollup_person_columns('n')));
  elsif tg_op = 'DELETE' then
    -- Screenings reference their person, so they were deleted (and subtracted) first.
    execute population_rollup_apply_persons(format(
      'select %s, risk_level, latest_screening_id, id, false as dims_changed, -1 as sign from old_rows o',
      population_rollup_person_columns('o')));
  else
    -- Only rows whose counted columns changed: an edit of a name moves nothing.
    execute population_rollup_apply_persons(format($f$
      with changed as (
        select o.operation_id, o.id, (%1$s) is distinct from (%2$s) as dims_changed
          from old_rows o join new_rows n on n.operation_id = o.operation_id and n.id = o.id
         where (%1$s, o.risk_level, o.latest_screening_id) is distinct from (%2$s, n.risk_level, n.latest_screening_id)
      )
      select %3$s, o.risk_level, o.latest_screening_id, o.id, c.dims_changed, -1 as sign
        from changed c join old_rows o on o.operation_id = c.operation_id and o.id = c.id
      union all
      select %4$s, n.risk_level, n.latest_screening_id, n.id, c.dims_changed, 1 as sign
        from changed c join new_rows n on n.operation_id = c.operation_id and n.id = c.id
    $f$, format(counted, 'o'), format(counted, 'n'), population_rollup_person_columns('o'), population_rollup_person_columns('n')));
  end if;
  return null;
end $$;

create trigger population_rollup_persons_insert after insert on persons
  referencing new table as new_rows for each statement execute function population_rollup_persons();
create trigger population_rollup_persons_update after update on persons
  referencing old table as old_rows new table as new_rows for each statement execute function population_rollup_persons();
create trigger population_rollup_persons_delete after delete on persons
  referencing old table as old_rows for each statement execute function population_rollup_persons();

-- Screenings: the trend counts every original screening; the domain rollup counts a
-- screening only while it is its person's current one. Through the API a screening is
-- written before its person points at it (the person's update then counts it); a bulk
-- load writes the person first, already pointing at it, so the screening counts here.
create function population_rollup_screenings() returns trigger language plpgsql as $$
declare
  src text;
  counted constant text := '(%1$s.person_id, %1$s.outcome -> ''domains'', %1$s.risk_level, %1$s.rescored_from, %1$s.screened_at)';
  columns constant text := '%1$s.operation_id, %1$s.id, %1$s.person_id, %1$s.outcome, %1$s.risk_level, %1$s.rescored_from, %1$s.screened_at';
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
  execute format($f$
    with src as (%1$s),
    domains as (
      insert into population_domain_rollup as r
        (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level, n)
      select %2$s, d.value ->> 'domain', d.value ->> 'level', sum(s.sign)
        from src s
        join persons p on p.operation_id = s.operation_id and p.id = s.person_id and p.latest_screening_id = s.id
        cross join lateral jsonb_array_elements(s.outcome -> 'domains') as d(value)
       where d.value ->> 'level' in ('medium', 'high', 'critical')
       group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      having sum(s.sign) <> 0
       order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      on conflict (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level)
      do update set n = r.n + excluded.n
      returning 1
    )
    insert into screening_trend_rollup as r
      (operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n)
    select p.operation_id, date_trunc('month', s.screened_at at time zone 'UTC')::date, p.site_id, p.admin_area_code, p.setting,
           p.sex, extract(year from p.birth_date_effective)::int, p.legal_status, p.care_situation, s.risk_level, sum(s.sign)
      from src s
      join persons p on p.operation_id = s.operation_id and p.id = s.person_id
     where s.rescored_from is null
     group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    having sum(s.sign) <> 0
     order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    on conflict (operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level)
    do update set n = r.n + excluded.n
  $f$, src, population_rollup_person_columns('p'));
  return null;
end $$;

create trigger population_rollup_screenings_insert after insert on screenings
  referencing new table as new_rows for each statement execute function population_rollup_screenings();
create trigger population_rollup_screenings_update after update on screenings
  referencing old table as old_rows new table as new_rows for each statement execute function population_rollup_screenings();
create trigger population_rollup_screenings_delete after delete on screenings
  referencing old table as old_rows for each statement execute function population_rollup_screenings();

-- What was there before this migration, counted once.
insert into population_rollup
  (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n)
select operation_id, site_id, admin_area_code, setting, sex, extract(year from birth_date_effective)::int,
       legal_status, care_situation, risk_level, count(*)
  from persons group by 1, 2, 3, 4, 5, 6, 7, 8, 9;

insert into population_domain_rollup
  (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level, n)
select p.operation_id, p.site_id, p.admin_area_code, p.setting, p.sex, extract(year from p.birth_date_effective)::int,
       p.legal_status, p.care_situation, d.value ->> 'domain', d.value ->> 'level', count(*)
  from persons p
  join screenings s on s.operation_id = p.operation_id and s.id = p.latest_screening_id
  cross join lateral jsonb_array_elements(s.outcome -> 'domains') as d(value)
 where d.value ->> 'level' in ('medium', 'high', 'critical')
 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;

insert into screening_trend_rollup
  (operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n)
select p.operation_id, date_trunc('month', s.screened_at at time zone 'UTC')::date, p.site_id, p.admin_area_code, p.setting,
       p.sex, extract(year from p.birth_date_effective)::int, p.legal_status, p.care_situation, s.risk_level, count(*)
  from screenings s
  join persons p on p.operation_id = s.operation_id and p.id = s.person_id
 where s.rescored_from is null
 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
