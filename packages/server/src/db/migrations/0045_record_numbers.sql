-- Records a person can name (issue 13 §2): every person, household and case gets a number
-- a caseworker can say aloud, e.g. LBN-C-2026-000123 (operation code, kind, year, sequence).
--
-- Unique per operation and never reused: a counter row per (operation, kind, year) only ever
-- goes up, so a number freed by deletion or kept by an erased stub is never given again. The
-- counter is a row, not a sequence per operation, so it lives under operation_id like
-- everything else (Citus: the counter is colocated with the rows it numbers) and is taken in
-- the writing transaction: concurrent writers queue on the counter row until the first
-- commits (an insert ... on conflict do update locks it), and a rolled-back registration
-- gives its number back with it, so numbers are dense.
--
-- Kinds: P a person (the registration number), H a household, C a case.
-- The bulk loader reserves a block per batch (reserve_record_numbers) and writes the numbers in
-- its COPY rows; the row triggers fire only for a row arriving without one (`when`), so COPY
-- pays nothing per row for them, and a restore, which copies numbers as they were, neither.

create table record_number_counters (
  operation_id uuid not null references operations (id),
  kind text not null check (kind in ('P', 'H', 'C')),
  year integer not null check (year between 2000 and 2200),
  last_number bigint not null check (last_number > 0),
  primary key (operation_id, kind, year)
);

-- Six digits at least; a seventh appears rather than wrapping (lpad would cut it).
create function format_record_number(operation_code text, kind text, year integer, seq bigint)
returns text language sql immutable parallel safe as $$
  select upper(operation_code) || '-' || kind || '-' || year || '-' ||
         case when seq < 1000000 then lpad(seq::text, 6, '0') else seq::text end
$$;

-- n numbers in one step, oldest first; the counter row stays locked until the caller commits.
create function reserve_record_numbers(for_operation uuid, of_kind text, in_year integer, n integer)
returns text[] language plpgsql as $$
declare
  top bigint;
  code text;
begin
  if n < 1 then return '{}'; end if;
  insert into record_number_counters as c (operation_id, kind, year, last_number)
  values (for_operation, of_kind, in_year, n)
  on conflict (operation_id, kind, year) do update set last_number = c.last_number + n
  returning c.last_number into top;
  select o.code into strict code from operations o where o.id = for_operation;
  return array(select format_record_number(code, of_kind, in_year, s) from generate_series(top - n + 1, top) s order by s);
end $$;

create function record_number_year(at timestamptz) returns integer language sql stable as $$
  select extract(year from coalesce(at, now()) at time zone 'UTC')::integer
$$;

create function assign_person_number() returns trigger language plpgsql as $$
begin
  new.registration_number := (reserve_record_numbers(new.operation_id, 'P', record_number_year(new.created_at), 1))[1];
  return new;
end $$;
create function assign_household_number() returns trigger language plpgsql as $$
begin
  new.household_number := (reserve_record_numbers(new.operation_id, 'H', record_number_year(new.created_at), 1))[1];
  return new;
end $$;
create function assign_case_number() returns trigger language plpgsql as $$
begin
  new.case_number := (reserve_record_numbers(new.operation_id, 'C', record_number_year(new.opened_at), 1))[1];
  return new;
end $$;

alter table persons add column registration_number text;
alter table households add column household_number text;
alter table cases add column case_number text;

-- Existing rows are numbered in the order they were made, per operation and year. The
-- rollup and queue triggers stand aside: a number changes no count and no queue place.
select set_config('waymark.rollups', 'restoring', true);

update persons p set registration_number = format_record_number(o.code, 'P', n.year, n.seq)
  from (select operation_id, id, record_number_year(created_at) as year,
               row_number() over (partition by operation_id, record_number_year(created_at) order by created_at, id) as seq
          from persons) n, operations o
 where p.operation_id = n.operation_id and p.id = n.id and o.id = p.operation_id;
update households h set household_number = format_record_number(o.code, 'H', n.year, n.seq)
  from (select operation_id, id, record_number_year(created_at) as year,
               row_number() over (partition by operation_id, record_number_year(created_at) order by created_at, id) as seq
          from households) n, operations o
 where h.operation_id = n.operation_id and h.id = n.id and o.id = h.operation_id;
update cases c set case_number = format_record_number(o.code, 'C', n.year, n.seq)
  from (select operation_id, id, record_number_year(opened_at) as year,
               row_number() over (partition by operation_id, record_number_year(opened_at) order by opened_at, id) as seq
          from cases) n, operations o
 where c.operation_id = n.operation_id and c.id = n.id and o.id = c.operation_id;

insert into record_number_counters (operation_id, kind, year, last_number)
select operation_id, 'P', record_number_year(created_at), count(*) from persons group by 1, 3
union all
select operation_id, 'H', record_number_year(created_at), count(*) from households group by 1, 3
union all
select operation_id, 'C', record_number_year(opened_at), count(*) from cases group by 1, 3;

select set_config('waymark.rollups', '', true);

alter table persons alter column registration_number set not null;
alter table households alter column household_number set not null;
alter table cases alter column case_number set not null;

-- Unique per operation (the key leads with operation_id); also the index a search by number uses.
create unique index persons_registration_number_key on persons (operation_id, registration_number);
create unique index households_household_number_key on households (operation_id, household_number);
create unique index cases_case_number_key on cases (operation_id, case_number);

create trigger persons_assign_number before insert on persons
  for each row when (new.registration_number is null) execute function assign_person_number();
create trigger households_assign_number before insert on households
  for each row when (new.household_number is null) execute function assign_household_number();
create trigger cases_assign_number before insert on cases
  for each row when (new.case_number is null) execute function assign_case_number();

-- A number is the record's name for life: nothing may change it.
create function keep_record_number() returns trigger language plpgsql as $$
begin
  raise exception 'a record''s number cannot change' using errcode = '23514', constraint = tg_argv[0];
end $$;
create trigger persons_number_fixed before update of registration_number on persons
  for each row when (old.registration_number is distinct from new.registration_number)
  execute function keep_record_number('persons_registration_number_fixed');
create trigger households_number_fixed before update of household_number on households
  for each row when (old.household_number is distinct from new.household_number)
  execute function keep_record_number('households_household_number_fixed');
create trigger cases_number_fixed before update of case_number on cases
  for each row when (old.case_number is distinct from new.case_number)
  execute function keep_record_number('cases_case_number_fixed');
