-- Protection notes: the most sensitive narrative Waymark holds (SGBV details, trafficking
-- narrative, health, child-protection notes). The body is sealed by the application
-- (AES-256-GCM, see src/crypto/seal.ts) before it reaches the database: the database, its
-- files and its backups only ever hold ciphertext. key_id repeats the key named inside
-- the envelope so that rotation can find what is not yet under the active key by index.
create table protection_notes (
  operation_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  topic text not null check (topic in ('sgbv', 'trafficking', 'health', 'child_protection')),
  body_sealed text not null check (body_sealed like 'v1:%'),
  key_id text not null check (key_id ~ '^[A-Za-z0-9_-]{1,32}$'),
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id),
  check (split_part(body_sealed, ':', 2) = key_id)
);
create index protection_notes_person_idx on protection_notes (operation_id, person_id, created_at);
create index protection_notes_key_idx on protection_notes (key_id);
