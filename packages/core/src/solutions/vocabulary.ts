import type { RiskLevel } from '../registration/vocabulary';

/** The three durable solutions (seed article; UNHCR). Order is the order shown. */
export const DURABLE_SOLUTIONS = ['voluntary_repatriation', 'local_integration', 'resettlement'] as const;
export type DurableSolution = (typeof DURABLE_SOLUTIONS)[number];

/**
 * Where a solution stands for this person or household. `not_assessed` is the only status
 * that means "nobody has looked"; every other status is an assessment and needs a
 * trafficking risk (the seed: "trafficking risks should be explicitly considered").
 */
export const SOLUTION_STATUSES = ['not_assessed', 'not_feasible', 'feasible', 'preferred', 'in_progress', 'achieved'] as const;
export type SolutionStatus = (typeof SOLUTION_STATUSES)[number];

/** Statuses under which the solution is being, or has been, pursued. */
export const PURSUED_STATUSES: ReadonlySet<SolutionStatus> = new Set<SolutionStatus>(['preferred', 'in_progress', 'achieved']);

/** Statuses that count as "a feasible alternative exists". */
export const OPEN_STATUSES: ReadonlySet<SolutionStatus> = new Set<SolutionStatus>(['feasible', 'preferred', 'in_progress', 'achieved']);

/** The person's own wish about one solution, in their words recorded by the caseworker. */
export const SOLUTION_WISHES = ['wishes', 'does_not_wish', 'undecided', 'not_asked'] as const;
export type SolutionWish = (typeof SOLUTION_WISHES)[number];

/** Trafficking risk of taking one solution. Three levels: critical is a screening outcome, not a judgement on a plan. */
export const SOLUTION_RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type SolutionRiskLevel = (typeof SOLUTION_RISK_LEVELS)[number];

/**
 * Why a solution carries trafficking risk. Drawn from the seed article's risk factors
 * (domain.md §1) as they bear on each solution; `other` needs a note.
 */
export const SOLUTION_RISK_REASONS = {
  return_area_controlled_by_traffickers: {
    en: 'Return to an area controlled by traffickers or armed groups',
    ar: 'العودة إلى منطقة يسيطر عليها المتاجرون بالبشر أو جماعات مسلحة',
  },
  return_without_livelihood: {
    en: 'No livelihood or support on return',
    ar: 'لا مصدر رزق ولا دعم عند العودة',
  },
  forced_recruitment_on_return: {
    en: 'Risk of forced recruitment on return',
    ar: 'خطر التجنيد القسري عند العودة',
  },
  no_legal_status_locally: {
    en: 'No legal status in the country of asylum',
    ar: 'لا وضع قانونياً في بلد اللجوء',
  },
  no_work_authorisation: {
    en: 'No right to work: only informal or illegal work',
    ar: 'لا حق في العمل: عمل غير رسمي أو غير قانوني فقط',
  },
  arrest_detention_deportation: {
    en: 'Risk of arrest, detention or deportation',
    ar: 'خطر الاعتقال أو الاحتجاز أو الترحيل',
  },
  debt_to_smugglers: {
    en: 'Debt to smugglers, incurred or expected en route',
    ar: 'ديون للمهرّبين، قائمة أو متوقعة في الطريق',
  },
  irregular_onward_movement: {
    en: 'Likely irregular onward movement through smuggling routes',
    ar: 'احتمال التنقل غير النظامي عبر طرق التهريب',
  },
  isolation_no_social_network: {
    en: 'Isolation: no family or community support',
    ar: 'العزلة: لا دعم من العائلة أو المجتمع',
  },
  sgbv_or_survival_sex: {
    en: 'Exposure to sexual violence or pressure into survival sex',
    ar: 'التعرض للعنف الجنسي أو الضغط لممارسة الجنس من أجل البقاء',
  },
  child_left_behind: {
    en: 'A child in the household could be left behind',
    ar: 'قد يُترك طفل من الأسرة وحده',
  },
  exploiter_known_at_destination: {
    en: 'A known exploiter or recruiter at the destination',
    ar: 'مستغِلّ أو مجنِّد معروف في مكان الوصول',
  },
  other: { en: 'Other (see note)', ar: 'غير ذلك (انظر الملاحظة)' },
} as const satisfies Record<string, { en: string; ar: string }>;
export type SolutionRiskReason = keyof typeof SOLUTION_RISK_REASONS;

export function isSolutionRiskReason(code: string): code is SolutionRiskReason {
  return Object.prototype.hasOwnProperty.call(SOLUTION_RISK_REASONS, code);
}

/**
 * The seven UNHCR resettlement submission categories (Resettlement Handbook; domain.md §3),
 * in the Handbook's order. The Arabic labels are our translation, not UNHCR's official text.
 */
export const SUBMISSION_CATEGORIES = {
  legal_physical_protection: {
    en: 'Legal and/or physical protection needs',
    ar: 'احتياجات الحماية القانونية و/أو الجسدية',
  },
  women_girls_at_risk: { en: 'Women and girls at risk', ar: 'النساء والفتيات المعرّضات للخطر' },
  children_adolescents_at_risk: { en: 'Children and adolescents at risk', ar: 'الأطفال والمراهقون المعرّضون للخطر' },
  survivors_violence_torture: { en: 'Survivors of violence and/or torture', ar: 'الناجون من العنف و/أو التعذيب' },
  medical_needs: { en: 'Medical needs', ar: 'الاحتياجات الطبية' },
  family_reunification: { en: 'Family reunification', ar: 'لمّ شمل الأسرة' },
  lack_of_alternative_solutions: {
    en: 'Lack of foreseeable alternative durable solutions',
    ar: 'انعدام حلول دائمة بديلة في المستقبل المنظور',
  },
} as const satisfies Record<string, { en: string; ar: string }>;
export type SubmissionCategory = keyof typeof SUBMISSION_CATEGORIES;
export const SUBMISSION_CATEGORY_CODES = Object.keys(SUBMISSION_CATEGORIES) as SubmissionCategory[];

export function isSubmissionCategory(code: string): code is SubmissionCategory {
  return Object.prototype.hasOwnProperty.call(SUBMISSION_CATEGORIES, code);
}

/** The Handbook: "usually the secondary category". Used as primary → a warning, not a refusal. */
export const USUALLY_SECONDARY: ReadonlySet<SubmissionCategory> = new Set<SubmissionCategory>(['lack_of_alternative_solutions']);

/**
 * Submission priorities, most pressing first. Target times (domain.md §3) are defaults an
 * operation may change: emergency about 7 days; urgent about 6 weeks and normal about
 * 12 months are [unverified], so core only orders by them and never computes deadlines.
 */
export const RESETTLEMENT_PRIORITIES = ['emergency', 'urgent', 'normal'] as const;
export type ResettlementPriority = (typeof RESETTLEMENT_PRIORITIES)[number];

export const RESETTLEMENT_PRIORITY_TARGET_DAYS: Readonly<Record<ResettlementPriority, { days: number; verified: boolean }>> = {
  emergency: { days: 7, verified: true },
  urgent: { days: 42, verified: false },
  normal: { days: 365, verified: false },
};

/** Risk levels as the queue ranks them: critical first. Same values as a screening's risk level. */
export const QUEUE_RISK_ORDER: readonly RiskLevel[] = ['critical', 'high', 'medium', 'low'];
