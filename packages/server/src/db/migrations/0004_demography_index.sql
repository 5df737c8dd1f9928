-- Disaggregation by sex, setting and age (girls 12-17 in urban areas) is the commonest
-- protection query. Counting it scanned a third of an operation at a million people
-- (about 120 ms); this index answers the count from the index alone.
create index persons_demography_idx on persons (operation_id, sex, setting, birth_date_effective);
