-- Labour conditions (issue 5): workplaces where refugees find work, what sources reported
-- about them, and the people staff linked to them. Sectors are the HTCDS Labour Industry
-- (Tier 1) codes (CC BY 4.0, IOM), conditions Waymark's list, indicators the ILO's eleven;
-- the lists live in core/labour and core/trafficking and are repeated here so the database
-- refuses what the application would.
create table workplaces (
  operation_id uuid not null references operations (id),
  id uuid not null,
  name text not null check (length(name) between 1 and 200),
  sector text not null check (sector in ('A_AgricultureForestryAndFishing', 'B_MiningAndQuarrying', 'C_Manufacturing', 'D_ElectricityGasSteamAndAirConditioningSupply', 'E_WaterSupplySewerageWasteManagement', 'F_Construction', 'G_WholesaleAndRetailTradeRepairOfMotorVehicles', 'H_TransportationAndStorage', 'I_AccommodationAndFoodServiceActivities', 'J_InformationAndCommunication', 'K_FinancialAndInsuranceActivities', 'L_RealEstateActivities', 'M_ProfessionalScientificAndTechnicalActivities', 'N_AdministrativeAndSupportServiceActivities', 'O_PublicAdministrationAndDefence', 'P_Education', 'Q_HumanHealthAndSocialWorkActivities', 'R_ArtsEntertainmentAndRecreation', 'S_OtherServiceActivities', 'T_ActivitiesOfHouseholdsAsEmployers', 'U_ActivitiesOfExtraterritorialOrganizations')),
  admin_area_code text not null check (length(admin_area_code) between 1 and 80),
  site_id uuid,
  -- What kind of place it is, in staff's words (e.g. "greenhouses along the Litani").
  description text check (length(description) <= 1000),
  archived_at timestamptz,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  created_by uuid references users (id),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id),
  primary key (operation_id, id),
  foreign key (operation_id, site_id) references sites (operation_id, id)
);
create index workplaces_area_idx on workplaces (operation_id, admin_area_code, sector) where archived_at is null;

-- One report about a workplace from one source. Append-only in use: a new report, never an
-- edit, so the history of what was said when stays. The informant's name is personal data:
-- sealed with the key ring (src/crypto/seal.ts), never selected by lists or aggregates.
create table workplace_reports (
  operation_id uuid not null,
  id uuid not null,
  workplace_id uuid not null,
  source_type text not null check (source_type in ('worker_interview', 'community_informant', 'site_visit', 'employer', 'partner_agency', 'hotline', 'media', 'official_record')),
  reported_on date not null,
  informant_name_sealed text,
  informant_key_id text,
  conditions text[] not null default '{}' check (conditions <@ array['pay_below_minimum', 'pay_late_or_irregular', 'no_written_contract', 'long_hours', 'no_rest_day', 'documents_withheld', 'recruitment_fees', 'debt_to_employer', 'unsafe_work', 'lives_at_workplace', 'children_working', 'no_legal_permit']::text[]),
  indicators text[] not null default '{}' check (indicators <@ array['abuse_of_vulnerability', 'deception', 'restriction_of_movement', 'isolation', 'physical_and_sexual_violence', 'intimidation_and_threats', 'retention_of_identity_documents', 'withholding_of_wages', 'debt_bondage', 'abusive_working_and_living_conditions', 'excessive_overtime']::text[]),
  hours_per_week smallint check (hours_per_week between 0 and 168),
  daily_pay numeric(12, 2) check (daily_pay >= 0),
  pay_currency text check (pay_currency ~ '^[A-Z]{3}$'),
  workers_estimate integer check (workers_estimate between 0 and 100000),
  recorded_at timestamptz not null default now(),
  recorded_by uuid references users (id),
  primary key (operation_id, id),
  foreign key (operation_id, workplace_id) references workplaces (operation_id, id),
  check ((daily_pay is null) = (pay_currency is null)),
  check ((informant_name_sealed is null) = (informant_key_id is null))
);
create index workplace_reports_workplace_idx on workplace_reports (operation_id, workplace_id, reported_on desc);

-- A person screened at (or known to work at) a workplace, as recorded by staff.
create table workplace_people (
  operation_id uuid not null,
  workplace_id uuid not null,
  person_id uuid not null,
  linked_at timestamptz not null default now(),
  linked_by uuid references users (id),
  primary key (operation_id, workplace_id, person_id),
  foreign key (operation_id, workplace_id) references workplaces (operation_id, id),
  foreign key (operation_id, person_id) references persons (operation_id, id)
);
create index workplace_people_person_idx on workplace_people (operation_id, person_id);
