import { TARGET_FIELDS } from './fields';
import type { TargetCondition as Condition, TargetProfile as Profile, TargetRule as Rule } from './rule';

/**
 * Does a (validated) rule select this profile? A missing value never matches a condition:
 * someone whose legal status is unknown is not "unregistered" by default.
 */
export function matchesRule(rule: Rule, profile: Profile, parentOf: (code: string) => string | null = () => null): boolean {
  if ('all' in rule) return rule.all.every((part) => matchesRule(part, profile, parentOf));
  if ('any' in rule) return rule.any.some((part) => matchesRule(part, profile, parentOf));
  return matchesCondition(rule, profile, parentOf);
}

function matchesCondition(condition: Condition, profile: Profile, parentOf: (code: string) => string | null): boolean {
  const value = profile[condition.field];
  if (value === null || value === undefined) return false;
  switch (condition.op) {
    case 'in':
      return typeof value === 'string' && condition.values.includes(value);
    case 'gte':
    case 'lte': {
      const type = TARGET_FIELDS[condition.field]!.type;
      const rank = (v: string | number) => (type.kind === 'ordered' ? type.values.indexOf(String(v)) : Number(v));
      const difference = rank(value) - rank(condition.value);
      if (type.kind === 'ordered' && rank(value) < 0) return false;
      return condition.op === 'gte' ? difference >= 0 : difference <= 0;
    }
    case 'within': {
      // An area is within itself and within every area above it. The walk stops at an area
      // already seen: parents come from stored boundaries, and a loop there must not hang us.
      const seen = new Set<string>();
      for (let code: string | null = String(value); code !== null && !seen.has(code); code = parentOf(code)) {
        if (code === condition.value) return true;
        seen.add(code);
      }
      return false;
    }
  }
}
