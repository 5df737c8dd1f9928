-- The cell-key method (issue 12 §2; core/disclosure/cell-key.ts): every person carries a
-- permanent random record key in [0, 2^32), never shown; each rollup ledger row carries
-- the sum of its people's keys beside their count, so a published cell's key (the sum of
-- its people's keys modulo 2^32) is read from the ledgers like the count, without a scan.
--
-- The key is drawn from gen_random_uuid() (a strong random source in PostgreSQL 13 and
-- later): the first eight hex digits of a version-4 UUID are random bits.

create function waymark_record_key() returns bigint language sql volatile as $$
  select ('x' || left(gen_random_uuid()::text, 8))::bit(32)::bigint
$$;

-- A volatile default draws one key per existing row as the column is added, without
-- firing the rollup triggers.
alter table persons add column record_key bigint not null default waymark_record_key()
  check (record_key between 0 and 4294967295);

alter table population_rollup add column key_sum bigint not null default 0;
alter table population_domain_rollup add column key_sum bigint not null default 0;
alter table screening_trend_rollup add column key_sum bigint not null default 0;

-- Counted person columns now end with the record key, so every delta built from them can
-- sum it.
create or replace function population_rollup_person_columns(alias text) returns text language sql immutable as $$
  select format('%1$s.operation_id, %1$s.site_id, %1$s.admin_area_code, %1$s.setting, %1$s.sex, '
    'extract(year from %1$s.birth_date_effective)::int as birth_year, %1$s.legal_status, %1$s.care_situation, %1$s.record_key', alias)
$$;

-- A delta row is kept when its count or its key sum moved: one person leaving a key as
-- another enters it leaves the count alone but not the keys.
create or replace function population_rollup_people_delta(src text) returns text language sql immutable as $$
  select format($f$
    insert into population_rollup
      (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n, key_sum)
    select operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, sum(sign), sum(sign * record_key)
      from (%s) c
     group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    having sum(sign) <> 0 or sum(sign * record_key) <> 0
  $f$, src)
$$;

create or replace function population_rollup_domains_delta(src text) returns text language sql immutable as $$
  select format($f$
    insert into population_domain_rollup
      (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level, n, key_sum)
    select c.operation_id, c.site_id, c.admin_area_code, c.setting, c.sex, c.birth_year, c.legal_status, c.care_situation,
           d.value ->> 'domain', d.value ->> 'level', sum(c.sign), sum(c.sign * c.record_key)
      from (%s) c
      cross join lateral jsonb_array_elements(c.domains) as d(value)
     where d.value ->> 'level' in ('medium', 'high', 'critical')
     group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    having sum(c.sign) <> 0 or sum(c.sign * c.record_key) <> 0
  $f$, src)
$$;

-- A screening counts under its person's key: the same screenings make the same cell key.
create or replace function population_rollup_trend_delta(src text) returns text language sql immutable as $$
  select format($f$
    insert into screening_trend_rollup
      (operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n, key_sum)
    select operation_id, date_trunc('month', screened_at at time zone 'UTC')::date, site_id, admin_area_code, setting,
           sex, birth_year, legal_status, care_situation, screening_level, sum(sign), sum(sign * record_key)
      from (%s) c
     group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    having sum(sign) <> 0 or sum(sign * record_key) <> 0
  $f$, src)
$$;

-- Folding keeps the key sums (a key whose count folds to 0 has nobody left, so no keys).
create or replace function population_rollups_compact(operation uuid) returns void language plpgsql as $$
begin
  with gone as (delete from population_rollup where operation_id = operation returning *)
  insert into population_rollup
    (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n, key_sum, compacted)
  select operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, sum(n), sum(key_sum), true
    from gone group by 1, 2, 3, 4, 5, 6, 7, 8, 9 having sum(n) <> 0;

  with gone as (delete from population_domain_rollup where operation_id = operation returning *)
  insert into population_domain_rollup
    (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level, n, key_sum, compacted)
  select operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level, sum(n), sum(key_sum), true
    from gone group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 having sum(n) <> 0;

  with gone as (delete from screening_trend_rollup where operation_id = operation returning *)
  insert into screening_trend_rollup
    (operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n, key_sum, compacted)
  select operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, sum(n), sum(key_sum), true
    from gone group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 having sum(n) <> 0;
end $$;

-- The ledgers as they stand have no keys: counted again from the people, folded.
delete from population_rollup;
delete from population_domain_rollup;
delete from screening_trend_rollup;

insert into population_rollup
  (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n, key_sum, compacted)
select operation_id, site_id, admin_area_code, setting, sex, extract(year from birth_date_effective)::int,
       legal_status, care_situation, risk_level, count(*), sum(record_key), true
  from persons group by 1, 2, 3, 4, 5, 6, 7, 8, 9;

insert into population_domain_rollup
  (operation_id, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level, n, key_sum, compacted)
select p.operation_id, p.site_id, p.admin_area_code, p.setting, p.sex, extract(year from p.birth_date_effective)::int,
       p.legal_status, p.care_situation, d.value ->> 'domain', d.value ->> 'level', count(*), sum(p.record_key), true
  from persons p
  join screenings s on s.operation_id = p.operation_id and s.id = p.latest_screening_id
  cross join lateral jsonb_array_elements(s.outcome -> 'domains') as d(value)
 where d.value ->> 'level' in ('medium', 'high', 'critical')
 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;

insert into screening_trend_rollup
  (operation_id, month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, n, key_sum, compacted)
select p.operation_id, date_trunc('month', s.screened_at at time zone 'UTC')::date, p.site_id, p.admin_area_code, p.setting,
       p.sex, extract(year from p.birth_date_effective)::int, p.legal_status, p.care_situation, s.risk_level, count(*), sum(p.record_key), true
  from screenings s
  join persons p on p.operation_id = s.operation_id and p.id = s.person_id
 where s.rescored_from is null
 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
