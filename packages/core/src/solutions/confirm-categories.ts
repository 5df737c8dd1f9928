import { err, ok, type Result } from '../result';
import { errorAt, hasErrors, type SolutionsProblem } from './problems';
import type { CategorySuggestion, SuggestionReason } from './suggest-categories';
import { validateSubmission, type SubmissionChoice, type SubmissionContext } from './submission';
import type { ResettlementPriority, SubmissionCategory } from './vocabulary';

export interface ConfirmedCategory {
  category: SubmissionCategory;
  /** Whether the system had suggested it, or the person chose it without a suggestion. */
  source: 'suggested' | 'chosen';
  /** The suggestion's reasons at the time of confirming (empty when chosen). */
  reasons: SuggestionReason[];
}

/** Categories a person confirmed: what is stored, with who confirmed and when. */
export interface ConfirmedCategories {
  primary: ConfirmedCategory;
  secondary: ConfirmedCategory | null;
  priority: ResettlementPriority;
  /** User id of the person who confirmed. */
  confirmedBy: string;
  /** ISO timestamp from the caller's clock. */
  confirmedAt: string;
  /** Suggestions offered but not taken, kept so a reviewer sees what was set aside. */
  notTaken: SubmissionCategory[];
  /** Warnings the person saw and confirmed past. */
  warnings: SolutionsProblem[];
}

export interface ConfirmCategoriesInput {
  choice: SubmissionChoice;
  suggestions: readonly CategorySuggestion[];
  confirmedBy: string;
  confirmedAt: string;
  context: SubmissionContext;
}

function confirmed(category: SubmissionCategory, suggestions: readonly CategorySuggestion[]): ConfirmedCategory {
  const suggestion = suggestions.find((s) => s.category === category);
  return suggestion
    ? { category, source: 'suggested', reasons: suggestion.reasons }
    : { category, source: 'chosen', reasons: [] };
}

/**
 * Turns a person's choice into recorded categories. A suggestion is never final by itself:
 * this needs the confirming user's id, and refuses a choice with errors (warnings are kept).
 */
export function confirmCategories(input: ConfirmCategoriesInput): Result<ConfirmedCategories, SolutionsProblem[]> {
  const problems = validateSubmission(input.choice, input.context);
  if (!input.confirmedBy.trim()) {
    problems.unshift(errorAt('confirmer_required', ['confirmedBy'], 'categories are confirmed by a named person'));
  }
  if (hasErrors(problems)) return err(problems);
  const { primary, secondary, priority } = input.choice;
  const taken = new Set<SubmissionCategory>(secondary === null ? [primary] : [primary, secondary]);
  return ok({
    primary: confirmed(primary, input.suggestions),
    secondary: secondary === null ? null : confirmed(secondary, input.suggestions),
    priority,
    confirmedBy: input.confirmedBy,
    confirmedAt: input.confirmedAt,
    notTaken: input.suggestions.map((s) => s.category).filter((c) => !taken.has(c)),
    warnings: problems,
  });
}
