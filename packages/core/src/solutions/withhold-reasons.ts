import { rolesCleared, type SensitiveTopic } from '../policy/clearance';
import type { Role } from '../policy/roles';
import type { CategorySuggestion, SuggestionReason } from './suggest-categories';

/** Why a reason is withheld: the sealed topics it may come from and the roles that read them all. */
export interface ReasonWithheld {
  topics: SensitiveTopic[];
  readableBy: Role[];
}

/** The roles that read every one of these highly sensitive topics on every record in their scope. */
export function rolesReadingAll(topics: readonly SensitiveTopic[]): Role[] {
  const each = topics.map((topic) => new Set(rolesCleared({ sensitivity: 'highly_sensitive', topic })));
  const first = each[0];
  if (!first) return [];
  return [...first].filter((role) => each.every((roles) => roles.has(role)));
}

const key = (category: string, reason: SuggestionReason) => `${category}\u0000${reason.rule}\u0000${reason.personId ?? ''}\u0000${reason.en}`;

function withheldReason(reason: SuggestionReason, why: ReasonWithheld): SuggestionReason {
  return {
    rule: reason.rule,
    personId: reason.personId,
    en: 'A reason comes from a section you are not cleared to read; it is withheld.',
    ar: 'أحد الأسباب مصدره قسم غير مأذون لك بقراءته، لذا حُجب.',
    withheld: { topics: [...why.topics], readableBy: [...why.readableBy] },
  };
}

/**
 * The suggestions worked out from the whole screenings (sealed parts opened on the server),
 * as one reader may see them. Every category stays, so whoever may see the case sees what to
 * consider; a reason stays only when the reader's own view of the screenings (`visible`, the
 * suggestions worked out from what they may read) gives the very same reason, and is
 * otherwise replaced with a marker saying it is withheld and who reads it (`why`, by the
 * member it is about). The text of such a reason names the sealed section and its level,
 * which is exactly what the reader may not learn.
 */
export function withholdReasons(
  whole: readonly CategorySuggestion[],
  visible: readonly CategorySuggestion[],
  why: (personId: string | null) => ReasonWithheld,
): CategorySuggestion[] {
  const seen = new Set(visible.flatMap((suggestion) => suggestion.reasons.map((reason) => key(suggestion.category, reason))));
  return whole.map((suggestion) => {
    const reasons: SuggestionReason[] = [];
    const withheld = new Set<string>();
    for (const reason of suggestion.reasons) {
      if (seen.has(key(suggestion.category, reason))) reasons.push(reason);
      // Two withheld reasons of one rule about one member would count what was raised: one marker.
      else if (!withheld.has(`${reason.rule}\u0000${reason.personId ?? ''}`)) {
        withheld.add(`${reason.rule}\u0000${reason.personId ?? ''}`);
        reasons.push(withheldReason(reason, why(reason.personId)));
      }
    }
    return { ...suggestion, reasons };
  });
}
