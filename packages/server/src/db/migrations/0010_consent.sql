-- Informed consent, per person and purpose (domain.md §8). Each decision (a grant, a
-- refusal, a withdrawal) is a new row; nothing is ever rewritten, so the history shows
-- what the person agreed to and when. Which decision is in force is decided by
-- core/consent (evaluateConsent): the server reads the person's rows and asks it.
create table consents (
  operation_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  purpose text not null check (purpose in ('case_management', 'referral', 'deidentified_sharing', 'tracing')),
  -- A referral consent names the agency that receives the information; no other does.
  recipient_agency_id uuid,
  decision text not null check (decision in ('given', 'refused', 'withdrawn')),
  method text not null check (method in ('written', 'oral')),
  given_by text not null check (given_by in ('self', 'carer')),
  -- For a child: who decided, as a relationship, never a name.
  carer_relationship text check (carer_relationship in ('parent', 'legal_guardian', 'caregiver', 'trusted_adult', 'caseworker_best_interests')),
  child_assent text not null check (child_assent in ('yes', 'no', 'not_applicable')),
  assent_method text check (assent_method in ('written', 'oral')),
  effective_at timestamptz not null,
  recorded_at timestamptz not null,
  recorded_by uuid references users (id),
  primary key (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id),
  foreign key (operation_id, recipient_agency_id) references agencies (operation_id, id),
  check ((purpose = 'referral') = (recipient_agency_id is not null)),
  check ((given_by = 'carer') = (carer_relationship is not null)),
  check ((child_assent = 'yes') = (assent_method is not null)),
  check (effective_at <= recorded_at)
);
create index consents_person_purpose_idx on consents (operation_id, person_id, purpose, recorded_at);

-- Append-only: a change of mind is a new row. Deleting stays possible for the erasure of
-- the person as a whole (data-subject rights), never row by row from the application.
create function consents_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'consents is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger consents_no_update
  before update on consents
  for each row execute function consents_append_only();

-- The child-assent ages of an operation (domain.md §8 marks them unverified; agencies and
-- national law differ). No row means the defaults of core/consent: 6, 12 and 15.
create table consent_settings (
  operation_id uuid primary key references operations (id),
  oral_assent_from smallint not null check (oral_assent_from between 0 and 18),
  written_assent_from smallint not null check (written_assent_from between 0 and 18),
  own_consent_from smallint not null check (own_consent_from between 0 and 18),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id),
  check (oral_assent_from <= written_assent_from and written_assent_from <= own_consent_from)
);
