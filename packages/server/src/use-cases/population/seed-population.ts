import {
  ageInYears,
  checkPersonDates,
  defaultOperations,
  findInstrument,
  generatePopulation,
  assessScreening,
  subjectFromRegistration,
  type GeneratedHousehold,
  type HouseholdMember,
  type Instrument,
  err,
  ok,
  type Result,
} from '@waymark/core';
import { v7 as uuidv7 } from 'uuid';
import type { KeyRing } from '../../crypto/key-ring';
import { sealerFor } from '../../crypto/seal';
import type { DatabaseHandle } from '../../db/connect';
import { ensureOperations, grantAdministrators, loadPopulation, type RealOperationRefusal } from '../../db/bulk/load-population';
import type { MemberScreening } from '../../db/bulk/population-rows';
import { compactRollupsAfterBulkWrite } from './compact-rollups';
import { cutRelease } from './cut-release';
import { loadShippedBoundaries } from './shipped-boundaries';

export interface SeedOptions {
  persons: number;
  seed: number;
  today: Date;
  /** Store each person's first screening (scored now) with them. */
  screen: boolean;
  /**
   * Seals the screenings' highly sensitive answers; required when `screen` is set (a
   * screening always answers some highly sensitive item), never written in clear.
   */
  keyRing?: KeyRing;
  onProgress?: (persons: number) => void;
  /** Who loads it (`waymark --as`): the rows and their audit entries carry it; null for the console operator. */
  actorId?: string | null;
}

export type Loaded = Result<{ persons: number; households: number }, RealOperationRefusal>;

/**
 * A synthetic population, never real people: registered in bulk through the same
 * checks as the API, each person's first screening scored by the same rules, into
 * operations marked synthetic (refused where an operation of that code is real).
 */
export async function seedPopulation(database: DatabaseHandle, options: SeedOptions): Promise<Loaded> {
  const households = generatePopulation({ seed: options.seed, persons: options.persons, today: options.today, operations: defaultOperations });
  return loadGeneratedPopulation(database, households, options);
}

/** Loads households from any source of generated households (the benchmark meters its generator). */
export async function loadGeneratedPopulation(
  database: DatabaseHandle,
  households: Iterable<GeneratedHousehold>,
  options: Omit<SeedOptions, 'persons' | 'seed'>,
): Promise<Loaded> {
  const instrument = findInstrument('heightened-risk');
  if (!instrument) throw new Error('the heightened-risk instrument is not shipped');
  if (options.screen && !options.keyRing) throw new Error('seeding screenings needs an encryption key ring: their highly sensitive answers are sealed');
  const placed = await ensureOperations(database, defaultOperations);
  if (!placed.ok) return err(placed.error);
  const ids = placed.value;
  // Synthetic operations only (ensureOperations refuses real ones): administrators see the demo.
  await grantAdministrators(database, [...ids.operations.values()]);
  // The demo's sites carry real district ids: the map needs their shapes.
  await loadShippedBoundaries(database, ids.operations);
  const loaded = await loadPopulation(database, households, ids, {
    actorId: options.actorId ?? null,
    screenedAt: options.today,
    batchPersons: 20_000,
    onProgress: options.onProgress,
    sealing: { sealer: options.keyRing ? sealerFor(options.keyRing) : undefined, instrument },
    check: (household, index) => {
      const problems = checkPersonDates(household.members[index]!.person, options.today);
      return problems.length > 0 ? problems.map((p) => p.code).join(',') : null;
    },
    screen: options.screen ? (household, index) => screenMember(instrument, household, index, options.today) : () => null,
  });
  // Each batch appended its rollup deltas; folding them (and rewriting the tables after a large
  // load) leaves the dashboards as fast as before it.
  await compactRollupsAfterBulkWrite(database.db);
  // A loaded population is released at once (each area that now has at least k more people),
  // so aggregate-only readers of a demo see it without waiting for the daily cut.
  for (const operationId of ids.operations.values()) await cutRelease(database.db, operationId, options.today);
  return ok(loaded);
}

/** Each household's members as scoring sees them, worked out once for all its members. */
const householdFacts = new WeakMap<GeneratedHousehold, HouseholdMember[]>();

function screenMember(instrument: Instrument, household: GeneratedHousehold, index: number, today: Date): MemberScreening {
  const member = household.members[index]!;
  let members = householdFacts.get(household);
  if (!members) {
    members = household.members.map((m) => ({ age: ageInYears(m.person, today), relationshipToHead: m.person.relationshipToHead }));
    householdFacts.set(household, members);
  }
  const subject = subjectFromRegistration(member.person, { members }, today);
  const scored = assessScreening(instrument, member.responses, subject);
  if (!scored.ok) throw new Error(`generated answers rejected: ${scored.error.map((p) => `${p.code} ${p.path.join('/')}`).join('; ')}`);
  return { id: uuidv7(), outcome: scored.value, responses: member.responses };
}
