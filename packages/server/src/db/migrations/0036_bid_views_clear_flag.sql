-- Sealed or clear, said by the row (review of issue 20 §4).
--
-- A child's words in a BID are sealed since migration 0018; rows from before hold them in
-- clear. Until now the two were told apart by the text: a value starting "v1:" was taken for
-- an envelope, so clear words such as 'v1:planted:…' made 0031's triggers record "planted" as
-- a key id, and the server then refused to start without a key that never existed.
--
-- child_views_clear is true only for those old clear values. Every write since 0018 seals
-- (record-bid) or clears the words (erasure), and rotation seals the clear ones and resets the
-- flag, so new rows take the default. Which old rows are clear is decided once, here, by the
-- exact shape of an envelope (src/crypto/seal.ts: `v1:<key id>:<16 base64url iv>:<at least 22
-- base64url>`, no spaces or punctuation): from now on the flag, not the text, decides.

alter table best_interests_determinations add column child_views_clear boolean not null default false;
comment on column best_interests_determinations.child_views_clear is
  'true: child_views_text holds words written in clear before sealing (migration 0018); false: an envelope, or null';

-- The key-id triggers look at sealed rows only (0033's optional condition), before the
-- backfill below, whose own update must not record the clear values' "key ids" again.
drop trigger best_interests_determinations_child_views_text_keys_ins on best_interests_determinations;
drop trigger best_interests_determinations_child_views_text_keys_upd on best_interests_determinations;
create trigger best_interests_determinations_child_views_text_keys_ins after insert on best_interests_determinations
  referencing new table as sealed_rows for each statement execute function record_sealed_key_ids('child_views_text', 'not child_views_clear');
create trigger best_interests_determinations_child_views_text_keys_upd after update on best_interests_determinations
  referencing new table as sealed_rows for each statement execute function record_sealed_key_ids('child_views_text', 'not child_views_clear');

update best_interests_determinations set child_views_clear = true
 where child_views_text is not null
   and child_views_text !~ '^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22,}$';

-- Forget the ids that only clear words named: an id is kept while any value of any watched
-- column, in the rows its trigger watches, names it. (Only ids clear BID words name are looked
-- for, so a database without such words does no scan here.)
do $$
declare
  candidate text;
  watched record;
  named boolean;
begin
  for candidate in
    select distinct split_part(child_views_text, ':', 2) from best_interests_determinations
     where child_views_clear and child_views_text like 'v1:%'
    intersect select key_id from sealed_key_ids
  loop
    named := false;
    for watched in
      select c.relname as table_name,
             split_part(encode(t.tgargs, 'escape'), '\000', 1) as column_name,
             coalesce(nullif(split_part(encode(t.tgargs, 'escape'), '\000', 2), ''), 'true') as condition
        from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
       where p.proname = 'record_sealed_key_ids' and (t.tgtype & 4) <> 0
    loop
      execute format('select exists (select 1 from %I where %I like %L and (%s))',
                     watched.table_name, watched.column_name, 'v1:' || replace(replace(candidate, '_', '\_'), '%', '\%') || ':%', watched.condition)
        into named;
      exit when named;
    end loop;
    if not named then
      delete from sealed_key_ids where key_id = candidate;
    end if;
  end loop;
end
$$;
