import {
  DOMAIN_LEVELS,
  type Compounding,
  type DomainLevel,
  type LevelRule,
  type LevelRules,
} from '../instruments/instrument';
import type { CompoundingOutcome, Signal } from './outcome';

interface Tally {
  strong: number;
  /** Medium or stronger. */
  medium: number;
  /** Any strength. */
  weak: number;
  score: number;
}

type Weighed = Pick<Signal, 'strength' | 'weight'>;

function tally(signals: readonly Weighed[]): Tally {
  const strong = signals.filter((s) => s.strength === 'strong').length;
  const medium = strong + signals.filter((s) => s.strength === 'medium').length;
  const score = signals.reduce((sum, s) => sum + s.weight, 0);
  return { strong, medium, weak: signals.length, score };
}

function holds(rule: LevelRule, t: Tally): boolean {
  return (
    (rule.minStrong === undefined || t.strong >= rule.minStrong) &&
    (rule.minMedium === undefined || t.medium >= rule.minMedium) &&
    (rule.minWeak === undefined || t.weak >= rule.minWeak) &&
    (rule.minScore === undefined || t.score >= rule.minScore)
  );
}

export function domainLevel(rules: LevelRules, signals: readonly Weighed[]): { level: DomainLevel; score: number } {
  const t = tally(signals);
  const level: DomainLevel = rules.high.some((r) => holds(r, t))
    ? 'high'
    : rules.medium.some((r) => holds(r, t))
      ? 'medium'
      : 'low';
  return { level, score: t.score };
}

export function levelRank(level: DomainLevel): number {
  return DOMAIN_LEVELS.indexOf(level);
}

/**
 * Overall level before overrides: the highest domain level, raised when risks pile up
 * across enough domains, but never past `maxLevel` (critical is for overrides alone).
 */
export function compound(levels: DomainLevel[], rule: Compounding): CompoundingOutcome {
  const levelBefore = levels.reduce<DomainLevel>((top, l) => (levelRank(l) > levelRank(top) ? l : top), 'low');
  const domainsAtMediumOrAbove = levels.filter((l) => levelRank(l) >= levelRank('medium')).length;
  if (domainsAtMediumOrAbove < rule.minDomainsAtMediumOrAbove) {
    return { applied: false, domainsAtMediumOrAbove, levelBefore, levelAfter: levelBefore };
  }
  const raised = Math.min(levelRank(levelBefore) + rule.raiseBy, levelRank(rule.maxLevel));
  const levelAfter = DOMAIN_LEVELS[Math.max(raised, levelRank(levelBefore))] ?? levelBefore;
  return { applied: levelAfter !== levelBefore, domainsAtMediumOrAbove, levelBefore, levelAfter };
}
