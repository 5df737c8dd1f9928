-- Tasks copied from a highly sensitive screening action keep their title sealed in place
-- in case_tasks.title (migration 0025); migration 0031 declares every sealed column so that
-- rotation covers it and the server refuses to start without the keys it names. The two
-- were built side by side: this declares the task titles.
--
-- The column is sealed only where the task has a topic (only tasks copied from a highly
-- sensitive action have one); elsewhere it holds titles a worker typed. The key-id triggers
-- take an optional second argument, a condition on the row, so a typed title that looks
-- like an envelope ("v1:x:…") can never record a key id the server would then demand.

create or replace function record_sealed_key_ids() returns trigger language plpgsql as $$
begin
  execute format(
    'insert into sealed_key_ids (key_id) select distinct split_part(%1$I, '':'', 2) from sealed_rows where %1$I like ''v1:%%'' and (%2$s) on conflict do nothing',
    tg_argv[0], coalesce(tg_argv[1], 'true')
  );
  return null;
end
$$;

comment on column case_tasks.title is 'sealed where topic is not null: the title of a task copied from a highly sensitive action (clear in other rows)';

create trigger case_tasks_title_keys_ins after insert on case_tasks
  referencing new table as sealed_rows for each statement execute function record_sealed_key_ids('title', 'topic is not null');
create trigger case_tasks_title_keys_upd after update on case_tasks
  referencing new table as sealed_rows for each statement execute function record_sealed_key_ids('title', 'topic is not null');

insert into sealed_key_ids (key_id)
select distinct split_part(title, ':', 2) from case_tasks where title like 'v1:%' and topic is not null
on conflict do nothing;
