import { suggestBiaUrgency, type RiskLevel, type UrgencySuggestion } from '@waymark/core';
import type { PersonRow } from '../../db/schema';
import { childFacts } from './child-subject';

/**
 * What the rules suggest for a BIA now, from the registered care situation and the latest
 * screening level (indicator-level signs are not read here: the suggestion is only offered).
 */
export function suggestedUrgencyFor(person: PersonRow): UrgencySuggestion {
  return suggestBiaUrgency({ careSituation: childFacts(person).careSituation, screeningLevel: person.risk_level as RiskLevel | null, indicators: [] });
}
