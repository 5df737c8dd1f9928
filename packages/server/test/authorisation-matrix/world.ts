import type { Actor, RecordRef } from '@waymark/core';

/** Where the record a route acts on sits relative to the acting user. */
export type Position = 'mine' | 'colleague' | 'other_agency';
export const POSITIONS: Position[] = ['mine', 'colleague', 'other_agency'];

/** Where an organisational target (operation, agency, team, user) sits. */
export type OrgPosition = 'own_agency' | 'other_agency' | 'other_operation';
export const ORG_POSITIONS: OrgPosition[] = ['own_agency', 'other_agency', 'other_operation'];

/** A protection case about a fixture person, held like the person, with one open task. */
export interface HeldCase {
  caseId: string;
  taskId: string;
}

/** A child held like the fixture records, with one open Best Interests Assessment (its sections written: version 2) and one care arrangement. */
export interface HeldChild {
  personId: string;
  biaId: string;
  arrangementId: string;
}

export interface HeldRecord {
  personId: string;
  householdId: string;
  noteId: string;
  ref: RecordRef;
}

/** What the test has set up, handed to each entry to build its request. */
export interface World {
  operationId: string;
  otherOperationId: string;
  agencyA: string;
  agencyB: string;
  agencyOtherOperation: string;
  /** A team of agency A nobody's scope depends on (membership tests replace it). */
  spareTeamA: string;
  teamB: string;
  teamOtherOperation: string;
  /** Held by the acting user's agency, assigned to a colleague; and one of another agency. */
  record(position: Position, actor: Actor): Promise<HeldRecord>;
  /** A record nobody else uses, for routes that change who holds it or erase it. */
  freshRecord(position: Position, actor: Actor): Promise<HeldRecord>;
  /** A caseworker (own scope) in that position, for user-management routes. */
  targetUser(position: OrgPosition, options?: { fresh?: boolean; disabled?: boolean }): Promise<string>;
  /** A case about the record's person (held as the person is); `fresh` for routes that change its state or holder. */
  case(position: Position, actor: Actor, options?: { fresh?: boolean }): Promise<HeldCase>;
  /** A child (born 2015, unaccompanied) held as the record is, with an open BIA; `fresh` for routes that change its history. */
  child(position: Position, actor: Actor, options?: { fresh?: boolean }): Promise<HeldChild>;
  /**
   * A workplace (with one report whose informant is sealed, recorded by the holder) or a
   * programme, held as the position's record is; `fresh` for routes that archive it.
   */
  held(kind: 'workplace' | 'programme', position: Position, actor: Actor, options?: { fresh?: boolean }): Promise<string>;
  /** The current version of a row, for routes that name the version they read. */
  version(table: 'persons' | 'households' | 'protection_notes' | 'cases' | 'case_tasks' | 'workplaces' | 'programmes', id: string): Promise<number>;
  /** An enabled worker of the record's agency other than the actor, to assign to. */
  assigneeFor(position: Position): string;
  unique(): string;
  /** Reads an answer as an administrator of the test operation (for versions to name). */
  readAsAdmin(path: string): Promise<unknown>;
  /** Sets up state a route needs first (an assessment, a step) as an administrator. */
  writeAsAdmin(method: string, path: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

export const agencyOf = (world: World, position: OrgPosition) =>
  position === 'own_agency' ? world.agencyA : position === 'other_agency' ? world.agencyB : world.agencyOtherOperation;
export const operationOf = (world: World, position: OrgPosition) => (position === 'other_operation' ? world.otherOperationId : world.operationId);

export const asPosition = (position: Position | OrgPosition) => position as Position;
export const asOrg = (position: Position | OrgPosition) => position as OrgPosition;
