import type pg from 'pg';
import { copyChunks, copyText, type CopyText } from './copy-rows';
import type { CopyValue } from './copy-text';

/**
 * What the population rollups count of one person written by a bulk path, in the stored
 * values (migration 0023 counts the same from the rows themselves when its triggers run).
 */
export interface CountedPerson {
  operationId: string;
  siteId: string | null;
  adminAreaCode: string | null;
  setting: string | null;
  sex: string;
  /** `date_of_birth` as stored (YYYY-MM-DD) or null. */
  dateOfBirth: string | null;
  birthYear: number | null;
  legalStatus: string | null;
  careSituation: string | null;
  /** The person's current level; null when not screened. */
  riskLevel: string | null;
  /** The person's cell-key record key, as written in their row. */
  recordKey: number;
  /** The person's current screening, when it is an original one written with them. */
  screening: CountedScreening | null;
}

export interface CountedScreening {
  /** The stored (clear) outcome's domains: those with a signal, each with its level. */
  domains: ReadonlyArray<{ domain: string; level: string }>;
  riskLevel: string;
  screenedAt: Date;
}

const COUNTED_DOMAIN_LEVELS = new Set(['medium', 'high', 'critical']);

export const PEOPLE_DELTA_COLUMNS = [
  'operation_id', 'site_id', 'admin_area_code', 'setting', 'sex', 'birth_year', 'legal_status', 'care_situation', 'risk_level', 'n', 'key_sum',
] as const;
export const DOMAIN_DELTA_COLUMNS = [
  'operation_id', 'site_id', 'admin_area_code', 'setting', 'sex', 'birth_year', 'legal_status', 'care_situation', 'domain', 'level', 'n', 'key_sum',
] as const;
export const TREND_DELTA_COLUMNS = [
  'operation_id', 'month', 'site_id', 'admin_area_code', 'setting', 'sex', 'birth_year', 'legal_status', 'care_situation', 'risk_level', 'n', 'key_sum',
] as const;

/** One string per key: NUL never occurs in stored text (PostgreSQL refuses it), so it marks null. */
function keyId(key: readonly CopyValue[]): string {
  let id = '';
  for (const value of key) id += (value === null ? '\u0000' : String(value)) + '\u0001';
  return id;
}

/** Counts and record-key sums keyed by their dimension values. */
class Tally {
  private readonly counts = new Map<string, { key: CopyValue[]; n: number; keySum: number }>();
  add(key: CopyValue[], recordKey: number): void {
    const id = keyId(key);
    const entry = this.counts.get(id);
    if (entry) {
      entry.n++;
      // A sum of keys under 2^32 stays exact in a double for far more people than a batch holds.
      entry.keySum += recordKey;
    } else this.counts.set(id, { key, n: 1, keySum: recordKey });
  }
  rows(): CopyValue[][] {
    return [...this.counts.values()].map(({ key, n, keySum }) => [...key, n, keySum]);
  }
}

/** Birth year as PostgreSQL counts it: of birth_date_effective = coalesce(date_of_birth, make_date(birth_year, 7, 1)). */
function countedBirthYear(person: CountedPerson): number | null {
  if (person.dateOfBirth !== null) return Number(person.dateOfBirth.slice(0, 4));
  return person.birthYear;
}

/** date_trunc('month', screened_at at time zone 'UTC')::date */
function utcMonth(at: Date): string {
  return `${at.toISOString().slice(0, 7)}-01`;
}

/**
 * The rollup deltas of people a bulk path writes, tallied as it builds their rows: one
 * row per key, as the triggers would have appended for the same rows (the rollup test
 * compares both with the raw aggregate).
 */
export class RollupDeltas {
  private readonly people = new Tally();
  private readonly domains = new Tally();
  private readonly trend = new Tally();

  add(person: CountedPerson): void {
    const dims: CopyValue[] = [
      person.operationId, person.siteId, person.adminAreaCode, person.setting, person.sex,
      countedBirthYear(person), person.legalStatus, person.careSituation,
    ];
    this.people.add([...dims, person.riskLevel], person.recordKey);
    const screening = person.screening;
    if (!screening) return;
    for (const d of screening.domains) if (COUNTED_DOMAIN_LEVELS.has(d.level)) this.domains.add([...dims, d.domain, d.level], person.recordKey);
    this.trend.add([person.operationId, utcMonth(screening.screenedAt), ...dims.slice(1), screening.riskLevel], person.recordKey);
  }

  /** COPY text of each rollup's deltas. */
  text(): RollupDeltaText {
    return { people: copyText(this.people.rows()), domains: copyText(this.domains.rows()), trend: copyText(this.trend.rows()) };
  }
}

export interface RollupDeltaText {
  people: CopyText;
  domains: CopyText;
  trend: CopyText;
}

/**
 * Appends the deltas, in the writer's transaction, which must have told the triggers to
 * stand aside (keepRollupsInTransaction) before writing the rows they count.
 */
export async function copyRollupDeltas(client: pg.PoolClient | pg.Client, deltas: RollupDeltaText): Promise<void> {
  await copyChunks(client, 'population_rollup', PEOPLE_DELTA_COLUMNS, deltas.people);
  await copyChunks(client, 'population_domain_rollup', DOMAIN_DELTA_COLUMNS, deltas.domains);
  await copyChunks(client, 'screening_trend_rollup', TREND_DELTA_COLUMNS, deltas.trend);
}
