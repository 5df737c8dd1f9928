-- Releases of the population figures (issue 12 §2, time differencing).
--
-- Readers who may not read every person of an operation (analysts, supervisors of one agency
-- among several, every export they make) see a release: a copy of the rollup ledgers taken on
-- a schedule, in which an area's rows are replaced only when at least k people's figures in
-- that area moved since the area's last release. Every view sums the released rows exactly as
-- it sums the live ledger (counts and record-key sums), so a release is a consistent set of
-- people: the same people give the same number in every view of it. docs/ARCHITECTURE.md,
-- "Releases: what aggregate-only readers see", says why this and not the alternatives.

create table population_rollup_release (like population_rollup including defaults);
create table population_domain_rollup_release (like population_domain_rollup including defaults);
create table screening_trend_rollup_release (like screening_trend_rollup including defaults);

-- Readers filter by operation, the release cut by operation and area.
create index population_rollup_release_idx on population_rollup_release (operation_id, admin_area_code);
create index population_domain_rollup_release_idx on population_domain_rollup_release (operation_id, admin_area_code);
create index screening_trend_rollup_release_idx on screening_trend_rollup_release (operation_id, admin_area_code);

-- When each area (the code persons carry; '' for none) was last refreshed in the release.
create table population_release_areas (
  operation_id uuid not null references operations (id),
  area_key text not null,
  released_at timestamptz not null,
  primary key (operation_id, area_key)
);

-- When the operation's release was last cut (checked), and how many areas moved then.
create table population_releases (
  operation_id uuid primary key references operations (id),
  released_at timestamptz not null,
  areas_refreshed integer not null check (areas_refreshed >= 0),
  areas_held integer not null check (areas_held >= 0)
);
