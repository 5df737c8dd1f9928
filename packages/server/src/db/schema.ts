import type { AuditTables } from './audit-tables';
import type { CaseTables } from './case-tables';
import type { ChildrenTables } from './children-tables';
import type { ConsentTables } from './consent-tables';
import type { IdentityDocumentTables } from './identity-document-tables';
import type { LabourTables } from './labour-tables';
import type { OrganisationTables } from './organisation-tables';
import type { PersonTables } from './person-tables';
import type { PopulationMapTables } from './population-map-tables';
import type { ProgrammeTables } from './programme-tables';
import type { ProtectionNoteTables } from './protection-note-tables';
import type { RetentionTables } from './retention-tables';
import type { ScreeningTables } from './screening-tables';
import type { SessionTables } from './session-tables';
import type { SolutionTables } from './solution-tables';
import type { TraffickingTables } from './trafficking-tables';

// The database as Kysely sees it, assembled from one file of tables per feature. Only
// server/src/db/** may import this.

export interface Database
  extends OrganisationTables,
    SessionTables,
    PersonTables,
    ScreeningTables,
    ProtectionNoteTables,
    ConsentTables,
    RetentionTables,
    AuditTables,
    CaseTables,
    TraffickingTables,
    ChildrenTables,
    SolutionTables,
    LabourTables,
    ProgrammeTables,
    PopulationMapTables,
    IdentityDocumentTables {}

// The row types stay importable from here, where the repositories and use cases have always found them.
export type * from './audit-tables';
export type * from './case-tables';
export type * from './children-tables';
export type * from './consent-tables';
export type * from './identity-document-tables';
export type * from './organisation-tables';
export type * from './person-tables';
export type * from './protection-note-tables';
export type * from './retention-tables';
export type * from './screening-tables';
export type * from './session-tables';
export type * from './solution-tables';
export type * from './trafficking-tables';
