import type { Actor, RecordRef, Verb } from '@waymark/core';
import type { OrgPosition, Position, World } from './world';

export interface Built {
  path: string;
  body?: unknown;
}

interface Base {
  /** Builds a valid request, so that an allowed actor succeeds with `success`. */
  request(world: World, actor: Actor, position: Position | OrgPosition): Promise<Built>;
  success: number;
}

/** A verb on one person-held record: 403 without the verb, 404 outside scope. */
export interface RecordEntry extends Base {
  kind: 'record';
  verb: Verb;
  /** Changing a highly sensitive section needs the clearance to read it: 403 without. */
  needsSgbvClearance?: boolean;
  /** Reads whose body could carry highly sensitive content get the leak check. */
  mayCarrySensitive?: boolean;
  /** Uses a fresh record each time (the route changes who holds it, or erases it). */
  fresh?: boolean;
}

/** A verb somewhere in the actor's operation (create, list): 403 without the verb. */
export interface OperationEntry extends Base {
  kind: 'operation';
  verb: Verb;
  /** For lists of people: which fixture records the answer may name. */
  listsPeople?: boolean;
}

/**
 * A verb on a record held like a person but seen by the whole operation (a workplace, a
 * programme: world.held): 403 without the verb, and 403 (not 404: the reader sees it)
 * where `reach` is 'scope' and the record is outside the actor's scope. The record sits in
 * each position (mine, a colleague's, another agency's), held as that position's person is.
 */
export interface HeldEntry extends Base {
  kind: 'held';
  verb: Verb;
  reach: 'scope' | 'operation';
  /** What an allowed answer may show this reader of this record: a message per thing it should not show. */
  inspect?(actor: Actor, record: RecordRef, body: unknown): string[];
}

/** Organisation routes: their own expectation, from the rule book. */
export interface OrgEntry extends Base {
  kind: 'org';
  expect(actor: Actor, position: OrgPosition): number;
}

/**
 * Any signed-in user, about themselves: every role and scope gets the same answer (the
 * route's own state rules may still refuse, e.g. confirming MFA before enrolling).
 */
export interface SelfEntry extends Base {
  kind: 'self';
  /** Ends the session: run last. */
  endsSession?: boolean;
}

export interface PublicEntry extends Base {
  kind: 'public';
}

export type MatrixEntry = RecordEntry | OperationEntry | HeldEntry | OrgEntry | SelfEntry | PublicEntry;

/** One route family's entries, by route key (`METHOD /path`). */
export type Entries = Record<string, MatrixEntry>;
