-- A restore copies every table as it was, the rollups included. Without a guard, copying
-- persons and screenings would fire the rollup triggers and count everyone a second time
-- on top of the restored rollup rows. The restore sets `waymark.restoring` for its own
-- transaction (set local), so the triggers stand aside there and nowhere else.

drop trigger population_rollup_persons_insert on persons;
drop trigger population_rollup_persons_update on persons;
drop trigger population_rollup_persons_delete on persons;
drop trigger population_rollup_screenings_insert on screenings;
drop trigger population_rollup_screenings_update on screenings;
drop trigger population_rollup_screenings_delete on screenings;

create trigger population_rollup_persons_insert after insert on persons
  referencing new table as new_rows for each statement
  when (coalesce(current_setting('waymark.restoring', true), '') <> 'on')
  execute function population_rollup_persons();
create trigger population_rollup_persons_update after update on persons
  referencing old table as old_rows new table as new_rows for each statement
  when (coalesce(current_setting('waymark.restoring', true), '') <> 'on')
  execute function population_rollup_persons();
create trigger population_rollup_persons_delete after delete on persons
  referencing old table as old_rows for each statement
  when (coalesce(current_setting('waymark.restoring', true), '') <> 'on')
  execute function population_rollup_persons();
create trigger population_rollup_screenings_insert after insert on screenings
  referencing new table as new_rows for each statement
  when (coalesce(current_setting('waymark.restoring', true), '') <> 'on')
  execute function population_rollup_screenings();
create trigger population_rollup_screenings_update after update on screenings
  referencing old table as old_rows new table as new_rows for each statement
  when (coalesce(current_setting('waymark.restoring', true), '') <> 'on')
  execute function population_rollup_screenings();
create trigger population_rollup_screenings_delete after delete on screenings
  referencing old table as old_rows for each statement
  when (coalesce(current_setting('waymark.restoring', true), '') <> 'on')
  execute function population_rollup_screenings();
