-- A re-scored screening that reuses its source's answers unchanged stores no copy of them:
-- responses is null and rescored_from names the screening that holds them (never another
-- re-score, so there is no chain to follow). Re-scoring a million people then writes the
-- decisions only.
alter table screenings alter column responses drop not null;
alter table screenings add constraint screenings_responses_or_source
  check (responses is not null or rescored_from is not null);
