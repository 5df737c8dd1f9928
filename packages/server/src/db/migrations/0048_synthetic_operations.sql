-- Demo data never mixes with real data (issue 13 §7). An operation made by `waymark seed
-- --demo` (or the benchmark) is synthetic: every page, map, export and PDF of it says so,
-- the seed never writes into an operation that is not, and `waymark demo remove` deletes a
-- synthetic operation with everything in it. Operations made before this migration are
-- taken as real: a demo seeded earlier is marked by running `waymark demo remove` and
-- seeding again, never by guessing here.
alter table operations add column synthetic boolean not null default false;
