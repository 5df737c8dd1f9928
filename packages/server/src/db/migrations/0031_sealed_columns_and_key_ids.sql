-- Keys cannot be lost (issue 20 §4).
--
-- 1. Every column that holds values sealed with the key ring (src/crypto/seal.ts envelopes,
--    `v1:<key id>:…`) carries a comment beginning with 'sealed'. `waymark keys rotate` finds
--    the columns to re-seal and to check from these comments, and a test refuses any column
--    named like a sealed one, or of type bytea, that is not declared here or known to be a
--    hash: a new sealed column cannot be missed by rotation.
-- 2. sealed_key_ids lists every key id that some sealed value may name, kept by statement
--    triggers on every sealed column (one insert per statement, not per row: bulk loads stay
--    fast). The server and every command that opens sealed data read this small table at start
--    and refuse to run without every key it lists, naming the missing ids. Only
--    `waymark keys rotate`, after a check of every sealed value, removes an id from it.
--
-- A new sealed column joins by two lines in its own migration:
--   comment on column <table>.<column> is 'sealed: <what it holds>';
--   select watch_sealed_column('<table>', '<column>');
-- and a rotation entry in src/use-cases/keys/sealed-columns.ts (a test fails until it has one).

create table sealed_key_ids (
  key_id text primary key,
  first_recorded_at timestamptz not null default now()
);

-- The transition table is named sealed_rows by both triggers of every watched column.
create function record_sealed_key_ids() returns trigger language plpgsql as $$
begin
  execute format(
    'insert into sealed_key_ids (key_id) select distinct split_part(%1$I, '':'', 2) from sealed_rows where %1$I like ''v1:%%'' on conflict do nothing',
    tg_argv[0]
  );
  return null;
end
$$;

-- Triggers on one sealed column, and the key ids its values already name.
create function watch_sealed_column(table_name text, column_name text) returns void language plpgsql as $$
begin
  execute format(
    'create trigger %I after insert on %I referencing new table as sealed_rows for each statement execute function record_sealed_key_ids(%L)',
    table_name || '_' || column_name || '_keys_ins', table_name, column_name
  );
  execute format(
    'create trigger %I after update on %I referencing new table as sealed_rows for each statement execute function record_sealed_key_ids(%L)',
    table_name || '_' || column_name || '_keys_upd', table_name, column_name
  );
  execute format(
    'insert into sealed_key_ids (key_id) select distinct split_part(%1$I, '':'', 2) from %2$I where %1$I like ''v1:%%'' on conflict do nothing',
    column_name, table_name
  );
end
$$;

comment on column protection_notes.body_sealed is 'sealed: a protection note''s body';
comment on column users.totp_secret_sealed is 'sealed: the user''s TOTP secret';
comment on column screenings.sealed_answers is 'sealed: answers to highly sensitive items and the signals naming them';
comment on column best_interests_determinations.child_views_text is 'sealed: a child''s own words in a BID (clear only in rows from before 0018)';
comment on column trafficking_assessments.sealed is 'sealed: a trafficking assessment''s input and findings';
comment on column workplace_reports.informant_name_sealed is 'sealed: the name of a workplace report''s informant';

select watch_sealed_column('protection_notes', 'body_sealed');
select watch_sealed_column('users', 'totp_secret_sealed');
select watch_sealed_column('screenings', 'sealed_answers');
select watch_sealed_column('best_interests_determinations', 'child_views_text');
select watch_sealed_column('trafficking_assessments', 'sealed');
select watch_sealed_column('workplace_reports', 'informant_name_sealed');
