import {
  isProtracted,
  rolesReadingAll,
  type Actor,
  type ReasonWithheld,
  yearsInDisplacement,
  type CategoryFacts,
  type DurableSolutionsAssessment,
  type MemberFacts,
  type RiskLevel,
  type Sex,
  type SolutionAssessment,
} from '@waymark/core';
import type { KeyRing } from '../../crypto/key-ring';
import { caseMemberIds, latestBidsOf, latestScreeningsOf, memberFacts, type MemberFactsRow } from '../../db/solutions-repository';
import type { CaseRow, DurableSolutionAssessmentRow } from '../../db/schema';
import type { Db, Tx } from '../../db/transaction';
import { memberScreening, type MemberScreening } from './member-screenings';

const RISK_LEVELS: ReadonlySet<string> = new Set(['low', 'medium', 'high', 'critical']);
const isRisk = (value: unknown): value is RiskLevel => typeof value === 'string' && RISK_LEVELS.has(value);

/** Whole years on `today`; a birth year alone counts from 31 December, so a child is never aged up early. */
export function ageOn(birth: { date_of_birth: string | null; birth_year: number | null }, today: string): number | null {
  const born = birth.date_of_birth ?? (birth.birth_year === null ? null : `${birth.birth_year}-12-31`);
  if (born === null) return null;
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return Math.max(0, ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0));
}

/** The earliest arrival of any member: displacement is counted from the first to arrive. */
export function earliestArrival(members: readonly MemberFactsRow[]): string | null {
  const dates = members.map((m) => m.arrival_date).filter((d): d is string => d !== null).sort();
  return dates[0] ?? null;
}

export function displacementOf(members: readonly MemberFactsRow[], now: Date): { years: number | null; protracted: boolean | null } {
  const since = earliestArrival(members);
  return { years: yearsInDisplacement(since, now), protracted: isProtracted(since, now) };
}

export function subjectOf(row: CaseRow): DurableSolutionsAssessment['subject'] {
  return row.person_id !== null ? { kind: 'person', id: row.person_id } : { kind: 'household', id: row.household_id! };
}

export function assessmentOf(row: CaseRow, stored: DurableSolutionAssessmentRow | undefined): DurableSolutionsAssessment | null {
  if (!stored) return null;
  return {
    subject: subjectOf(row),
    assessedOn: stored.assessed_on,
    assessedBy: stored.assessed_by,
    solutions: stored.solutions as unknown as DurableSolutionsAssessment['solutions'],
  };
}

/** Domain levels of a screening outcome (only the risk levels; anything else is ignored). */
function domainsOf(outcome: unknown): { domains: Record<string, RiskLevel>; risk: RiskLevel | null } {
  const domains: Record<string, RiskLevel> = {};
  if (typeof outcome !== 'object' || outcome === null) return { domains, risk: null };
  const value = outcome as { domains?: unknown; riskLevel?: unknown };
  if (Array.isArray(value.domains)) {
    for (const d of value.domains as { domain?: unknown; level?: unknown }[]) {
      if (typeof d.domain === 'string' && isRisk(d.level)) domains[d.domain] = d.level;
    }
  }
  return { domains, risk: isRisk(value.riskLevel) ? value.riskLevel : null };
}

/** The same facts three ways (member-screenings.ts), and why a member's sealed reasons are withheld. */
export interface CategoryFactViews {
  /** From the screenings as scored: what the suggestions are. */
  whole: CategoryFacts;
  /** From the clear outcomes: what may be stored in clear beside the suggestion. */
  clear: CategoryFacts;
  /** From the screenings as the reader sees them: which reasons the reader may read. */
  forReader: CategoryFacts;
  withheld: (personId: string | null) => ReasonWithheld;
}

/** What suggestCategories needs, read from the case's members, their latest screenings and BIDs. */
export async function categoryFacts(
  db: Db | Tx,
  row: CaseRow,
  assessment: DurableSolutionsAssessment | null,
  now: Date,
  today: string,
  reader: { actor: Actor; ring: KeyRing | undefined },
): Promise<CategoryFactViews> {
  const ids = await caseMemberIds(db, row);
  const [members, bids] = await Promise.all([memberFacts(db, row.operation_id, ids), latestBidsOf(db, row.operation_id, ids)]);
  const screeningIds = members.map((m) => m.latest_screening_id).filter((id): id is string => id !== null);
  const screenings = new Map((await latestScreeningsOf(db, row.operation_id, screeningIds)).map((s) => [s.id, s]));
  const bidOf = new Map(bids.map((b) => [b.person_id, b.recommendation]));
  const views = new Map(members.map((m) => [m.id, memberScreening(m, m.latest_screening_id === null ? undefined : screenings.get(m.latest_screening_id), reader.actor, reader.ring)]));
  const factsFrom = (view: (s: MemberScreening) => unknown): CategoryFacts => ({
    members: members.map((m): MemberFacts => {
      const screening = domainsOf(view(views.get(m.id)!));
      const recommendation = bidOf.get(m.id);
      return {
        personId: m.id,
        sex: m.sex as Sex,
        age: ageOn(m, today),
        screeningDomains: screening.domains,
        screeningRisk: screening.risk,
        bestInterests: recommendation === undefined ? null : { procedure: 'bid', recommendation },
      };
    }),
    assessment,
    yearsInDisplacement: displacementOf(members, now).years,
  });
  const withheld = (personId: string | null): ReasonWithheld => {
    const topics = personId === null ? [] : views.get(personId)?.sealedTopics ?? [];
    // A case-wide reason never comes from a screening; should one ever differ, the most cleared read it.
    const all = topics.length > 0 ? topics : (['sgbv', 'trafficking'] as const);
    return { topics: [...all], readableBy: rolesReadingAll(all) };
  };
  return { whole: factsFrom((s) => s.whole), clear: factsFrom((s) => s.clear), forReader: factsFrom((s) => s.forReader), withheld };
}

export type StoredSolutions = Record<string, SolutionAssessment>;
