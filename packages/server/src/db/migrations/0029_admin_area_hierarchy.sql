-- Admin areas form a hierarchy that cannot loop (issue 20 §1). Uploading one file at level 1
-- and then at level 2 used to move its codes to level 2 with parents taken from their own
-- level-1 shapes: an area became its own parent, and every walk up or down the tree spun
-- for ever (100% CPU, health timing out, again after every restart).
--
-- From here an area's parent is an area of the same operation exactly one level up, held
-- by a foreign key: levels fall strictly along every parent link, so no cycle can be
-- written, by this server or anything else.

-- Repair first. A parent that is not an area of the level just above (a cycle, a parent at
-- the same or a deeper level, or one that no longer exists) is forgotten: what it said was
-- wrong, and the next upload of the level above decides the parent again by interior point.
update admin_areas a
   set parent_code = null
 where a.parent_code is not null
   and not exists (
     select 1 from admin_areas p
      where p.operation_id = a.operation_id and p.code = a.parent_code and p.level = a.level - 1);

-- The parent's level, for the foreign key to name. Derived by the database, like a generated
-- column (which PostgreSQL does not allow under ON DELETE SET NULL), so no writer sets it.
alter table admin_areas add column parent_level smallint;
create function admin_areas_parent_level() returns trigger language plpgsql as $$
begin
  new.parent_level := case when new.parent_code is null then null else new.level - 1 end;
  return new;
end $$;
create trigger admin_areas_parent_level before insert or update on admin_areas
  for each row execute function admin_areas_parent_level();
update admin_areas set parent_level = level - 1 where parent_code is not null;

alter table admin_areas
  add constraint admin_areas_parent_level_check
    check ((parent_code is null) = (parent_level is null) and (parent_level is null or parent_level = level - 1)),
  -- What the foreign key below points at (the primary key already makes it unique).
  add constraint admin_areas_code_level_key unique (operation_id, code, level),
  -- Replacing a level forgets its children's parents rather than failing; the upload then
  -- decides them again from the new shapes.
  add constraint admin_areas_parent_fk foreign key (operation_id, parent_code, parent_level)
    references admin_areas (operation_id, code, level) on delete set null (parent_code, parent_level);

-- The foreign key is checked from the child: the reverse look-up (children of a deleted
-- parent) needs its own index.
create index admin_areas_parent_idx on admin_areas (operation_id, parent_code) where parent_code is not null;
