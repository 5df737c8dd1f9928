-- Identity documents as a caseworker keeps them (issue 13 §2): type, number, issuer and
-- expiry, several per person, not only a ticked list of types.
--
-- The number is sensitive (it identifies the person to any authority holding the same
-- register): sealed with the key ring (src/crypto/seal.ts envelopes) and bound to the row
-- and the person (the AAD), declared for key rotation as migration 0031 asks. The issuer (a
-- country code or an authority's name) and the expiry are kept in clear; erasure deletes the
-- rows, number, issuer and all. `persons.documents` stays the list of types held, which
-- screening facts, the rollups, imports and the bulk loader read; the server adds every
-- recorded document's type to it (core's documentTypesHeld says why both are kept).
--
-- Citus: operation_id leads the key and the foreign key, as for every table about people.

create table person_identity_documents (
  operation_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  -- The order the caseworker listed them in.
  position smallint not null check (position between 0 and 99),
  type text not null check (type in ('refugee_certificate', 'asylum_seeker_certificate', 'national_id', 'passport', 'birth_certificate', 'residence_permit', 'work_permit', 'other')),
  number_sealed text check (number_sealed like 'v1:%'),
  issuer text check (length(issuer) between 1 and 120),
  expiry_date date,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id) on delete cascade
);
create index person_identity_documents_person_idx on person_identity_documents (operation_id, person_id, position);

comment on column person_identity_documents.number_sealed is 'sealed: an identity document''s number';
select watch_sealed_column('person_identity_documents', 'number_sealed');
