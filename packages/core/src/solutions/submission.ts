import { isAssessed, type DurableSolutionsAssessment } from './assessment';
import { errorAt, warningAt, type SolutionsProblem } from './problems';
import { USUALLY_SECONDARY, isSubmissionCategory, type ResettlementPriority, type SubmissionCategory } from './vocabulary';

/** The categories and priority of one resettlement submission. */
export interface SubmissionChoice {
  /** The most compelling need of any member of the case. */
  primary: SubmissionCategory;
  secondary: SubmissionCategory | null;
  priority: ResettlementPriority;
}

/** The Handbook's medical-needs category needs all four (domain.md §3). */
export interface MedicalCriteria {
  lifeThreateningOrIrreversible: boolean;
  treatmentUnavailableLocally: boolean;
  favourablePrognosis: boolean;
  informedConsent: boolean;
}

export const MEDICAL_CRITERIA: readonly (keyof MedicalCriteria)[] = [
  'lifeThreateningOrIrreversible',
  'treatmentUnavailableLocally',
  'favourablePrognosis',
  'informedConsent',
];

export function medicalCriteriaMet(criteria: MedicalCriteria | null | undefined): boolean {
  return !!criteria && MEDICAL_CRITERIA.every((name) => criteria[name]);
}

export interface SubmissionContext {
  /** The case's durable-solutions assessment; null when there is none yet. */
  assessment: DurableSolutionsAssessment | null;
  medicalCriteria?: MedicalCriteria | null;
}

function checkCategories(choice: SubmissionChoice): SolutionsProblem[] {
  const problems: SolutionsProblem[] = [];
  if (!isSubmissionCategory(choice.primary)) problems.push(errorAt('unknown_category', ['primary'], 'unknown submission category'));
  if (choice.secondary !== null && !isSubmissionCategory(choice.secondary)) {
    problems.push(errorAt('unknown_category', ['secondary'], 'unknown submission category'));
  }
  if (choice.secondary !== null && choice.secondary === choice.primary) {
    problems.push(errorAt('categories_must_differ', ['secondary'], 'the secondary category must differ from the primary'));
  }
  if (USUALLY_SECONDARY.has(choice.primary)) {
    problems.push(warningAt('usually_secondary_category', ['primary'], 'this category is usually secondary: is there a more compelling need to put first?'));
  }
  return problems;
}

function checkOtherSolutions(assessment: DurableSolutionsAssessment | null): SolutionsProblem[] {
  if (assessment === null) {
    return [errorAt('other_solutions_not_considered', ['assessment'], 'assess voluntary repatriation and local integration before resettlement')];
  }
  const problems: SolutionsProblem[] = [];
  for (const name of ['voluntary_repatriation', 'local_integration'] as const) {
    if (!isAssessed(assessment.solutions[name])) {
      problems.push(errorAt('other_solutions_not_considered', ['assessment', 'solutions', name, 'status'], `assess ${name.replace('_', ' ')} before resettlement`));
    }
  }
  if (assessment.solutions.resettlement.status === 'not_feasible') {
    problems.push(errorAt('resettlement_not_feasible', ['assessment', 'solutions', 'resettlement', 'status'], 'the assessment found resettlement not feasible'));
  }
  return problems;
}

function checkMedical(choice: SubmissionChoice, criteria: MedicalCriteria | null | undefined): SolutionsProblem[] {
  if (choice.primary !== 'medical_needs' && choice.secondary !== 'medical_needs') return [];
  if (!criteria) return [errorAt('medical_criteria_not_met', ['medicalCriteria'], 'medical needs requires all four criteria to be recorded')];
  return MEDICAL_CRITERIA.filter((name) => !criteria[name]).map((name) =>
    errorAt('medical_criteria_not_met', ['medicalCriteria', name], 'medical needs requires all four criteria'),
  );
}

/** Errors and warnings for a submission's categories, at their paths. */
export function validateSubmission(choice: SubmissionChoice, context: SubmissionContext): SolutionsProblem[] {
  return [...checkCategories(choice), ...checkOtherSolutions(context.assessment), ...checkMedical(choice, context.medicalCriteria)];
}
