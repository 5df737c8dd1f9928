-- Ids a client may choose (a person or household registered on a device) must be unique
-- across the installation, not only within an operation: the key (operation_id, id) let a
-- caseworker register a person under the id of someone in another operation, and every
-- lookup by id alone then found either (issue 12 §3).
--
-- Not a unique index: on Citus, with operation_id as the distribution key, a distributed
-- table cannot have a unique key without it. The registering transaction takes an advisory
-- lock on the id and looks it up in every operation before inserting
-- (src/db/client-ids-repository.ts); these plain indexes make that lookup one probe each.
create index persons_id_idx on persons (id);
create index households_id_idx on households (id);
