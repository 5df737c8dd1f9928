-- Coverage and labour on the cell-key method, and released to aggregate-only readers like the
-- population (issue 12 §2; docs/ARCHITECTURE.md "Releases of coverage and labour").
--
-- A workplace carries a permanent random record key as a person does (never shown): the
-- labour layer's cells are published from the sum of their workplaces' keys, and the people
-- linked from the persons' keys, so the same records give the same number everywhere.
alter table workplaces add column record_key bigint not null default waymark_record_key()
  check (record_key between 0 and 4294967295);

-- The released rows of the views computed from records (core/disclosure/view-release.ts):
-- per view and subject (a programme's id; '' for the labour layer), per family (a coverage
-- measure; workplaces; people linked), area ('' for none) and row (the combination of the
-- dimensions the family is published by), the count and the sum of the records' keys. A cut
-- replaces a family's rows in an area only when at least k records changed there.
create table view_release_rows (
  operation_id uuid not null references operations (id),
  view text not null check (view in ('programme-coverage', 'labour-by-area')),
  subject text not null,
  family text not null,
  area text not null,
  row_key text not null,
  n integer not null check (n > 0),
  key_sum bigint not null,
  primary key (operation_id, view, subject, family, area, row_key)
);
