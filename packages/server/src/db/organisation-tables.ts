import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from './column-types';

/** Operations, their sites, agencies and teams, and the users who work in them; joined into Database in schema.ts. */
export interface OrganisationTables {
  operations: OperationsTable;
  sites: SitesTable;
  users: UsersTable;
  agencies: AgenciesTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  user_operations: UserOperationsTable;
}

export interface OperationsTable {
  id: string;
  code: string;
  name: string;
  created_at: Timestamp;
  /** Migration 0008: every member needs a second factor. */
  mfa_required: Generated<boolean>;
  /** Migration 0048: made by the demo seed; holds synthetic people only, and says so everywhere. */
  synthetic: Generated<boolean>;
}

export interface SitesTable {
  operation_id: string;
  id: string;
  code: string;
  name: string;
  setting: string | null;
  admin_area_code: string | null;
  created_at: Timestamp;
  /** Migration 0050: where it is (WGS 84), both or neither; edits name the version read. */
  latitude: number | null;
  longitude: number | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface AgenciesTable {
  operation_id: string;
  id: string;
  code: string;
  name: string;
  kind: string;
  created_at: Timestamp;
}

export interface TeamsTable {
  operation_id: string;
  id: string;
  agency_id: string;
  name: string;
  created_at: Timestamp;
}

export interface TeamMembersTable {
  operation_id: string;
  team_id: string;
  user_id: string;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  locale: Generated<string>;
  must_change_password: Generated<boolean>;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  scope: Generated<string>;
  agency_id: string | null;
  /** Migration 0008: a sealed envelope (src/crypto/seal.ts), never the plain secret. */
  totp_secret_sealed: string | null;
  totp_confirmed_at: Timestamp | null;
  totp_last_step: number | null;
}

export interface UserOperationsTable {
  user_id: string;
  operation_id: string;
}

export type UserRow = Selectable<UsersTable>;
