import type { RiskLevel, Sex } from '../registration/vocabulary';
import { noFeasibleAlternative, type DurableSolutionsAssessment } from './assessment';
import { AR_YEARS, arabicCount } from './arabic-count';
import { PROTRACTED_YEARS } from './displacement';
import { medicalCriteriaMet, type MedicalCriteria } from './submission';
import { SUBMISSION_CATEGORY_CODES, USUALLY_SECONDARY, type SubmissionCategory } from './vocabulary';

/** Outcome of a trafficking assessment (issue 4, item 2). */
export type TraffickingFinding = 'presumed_victim' | 'at_risk' | 'not_indicated';

/** What is known about one member of the case. Leave out what is not known. */
export interface MemberFacts {
  personId: string;
  sex?: Sex | null;
  age?: number | null;
  /** Levels of the latest screening's domains, by domain id (heightened-risk v1 ids). */
  screeningDomains?: Readonly<Record<string, RiskLevel>>;
  /** Overall level of the latest screening. */
  screeningRisk?: RiskLevel | null;
  traffickingFinding?: TraffickingFinding | null;
  survivorOfViolenceOrTorture?: boolean;
  /** Threat of refoulement (return to where persecution is feared) recorded on the case. */
  refoulementRisk?: boolean;
  /** The latest best-interests assessment or determination for a child, and what it recommended. */
  bestInterests?: { procedure: 'bia' | 'bid'; recommendation: string } | null;
  medicalCriteria?: MedicalCriteria | null;
  familyInResettlementCountry?: boolean;
}

export interface CategoryFacts {
  members: readonly MemberFacts[];
  assessment: DurableSolutionsAssessment | null;
  /** From `yearsInDisplacement` on the case's earliest displacement date. */
  yearsInDisplacement: number | null;
}

export const SUGGESTION_RULES = [
  'woman_or_girl_at_high_risk',
  'child_best_interests_resettlement',
  'presumed_victim_of_trafficking',
  'survivor_of_violence_or_torture',
  'refoulement_risk',
  'legal_protection_critical',
  'medical_criteria_met',
  'family_in_resettlement_country',
  'protracted_without_alternative',
] as const;
export type SuggestionRule = (typeof SUGGESTION_RULES)[number];

export interface SuggestionReason {
  rule: SuggestionRule;
  /** The member the reason is about; null when it is about the case as a whole. */
  personId: string | null;
  en: string;
  ar: string;
  /**
   * Set when the reason comes from a sealed (highly sensitive) section the reader is not
   * cleared for: `en`/`ar` then say only that it is withheld (withhold-reasons.ts).
   */
  withheld?: { topics: string[]; readableBy: string[] };
}

/** A category a person should consider. Never final: see `confirmCategories`. */
export interface CategorySuggestion {
  category: SubmissionCategory;
  usualRole: 'primary' | 'secondary';
  reasons: SuggestionReason[];
}

const AT_LEAST_HIGH: ReadonlySet<RiskLevel> = new Set<RiskLevel>(['high', 'critical']);
const WOMEN_DOMAINS = ['women_at_risk', 'sgbv_coercion'] as const;
const DOMAIN_NAMES: Record<(typeof WOMEN_DOMAINS)[number], { en: string; ar: string }> = {
  women_at_risk: { en: 'women at risk', ar: 'النساء المعرّضات للخطر' },
  sgbv_coercion: { en: 'sexual and gender-based violence', ar: 'العنف الجنسي والقائم على النوع الاجتماعي' },
};

type Found = { category: SubmissionCategory; reason: SuggestionReason };

function memberRules(m: MemberFacts): Found[] {
  const found: Found[] = [];
  const add = (category: SubmissionCategory, rule: SuggestionRule, en: string, ar: string) =>
    found.push({ category, reason: { rule, personId: m.personId, en, ar } });
  const domains = m.screeningDomains ?? {};

  if (m.sex === 'female') {
    for (const domain of WOMEN_DOMAINS) {
      const level = domains[domain];
      if (level && AT_LEAST_HIGH.has(level)) {
        add('women_girls_at_risk', 'woman_or_girl_at_high_risk',
          `Screening found ${level} risk in "${DOMAIN_NAMES[domain].en}" for a woman or girl.`,
          `وجد الفحص خطراً ${level === 'critical' ? 'حرجاً' : 'مرتفعاً'} في مجال «${DOMAIN_NAMES[domain].ar}» لامرأة أو فتاة.`);
      }
    }
  }
  const child = m.age === null || m.age === undefined || m.age < 18;
  if (child && m.bestInterests?.recommendation === 'resettlement') {
    const procedure = m.bestInterests.procedure.toUpperCase();
    add('children_adolescents_at_risk', 'child_best_interests_resettlement',
      `A ${procedure} found resettlement to be in the child's best interests.`,
      `خلص ${m.bestInterests.procedure === 'bid' ? 'قرار تحديد المصالح الفضلى' : 'تقييم المصالح الفضلى'} إلى أن إعادة التوطين تصبّ في مصلحة الطفل الفضلى.`);
  }
  if (m.traffickingFinding === 'presumed_victim') {
    add('survivors_violence_torture', 'presumed_victim_of_trafficking',
      'The trafficking assessment found a presumed victim of trafficking.',
      'خلص تقييم الاتجار بالبشر إلى أن الشخص ضحية مفترضة للاتجار.');
  }
  if (m.survivorOfViolenceOrTorture) {
    add('survivors_violence_torture', 'survivor_of_violence_or_torture',
      'Recorded as a survivor of violence or torture.',
      'مسجَّل بوصفه ناجياً من العنف أو التعذيب.');
  }
  if (m.refoulementRisk) {
    add('legal_physical_protection', 'refoulement_risk',
      'At risk of refoulement (forced return to where persecution is feared).',
      'معرَّض لخطر الإعادة القسرية إلى حيث يُخشى الاضطهاد.');
  }
  const legal = domains['legal_protection'];
  if (legal === 'critical' || (legal === 'high' && m.screeningRisk === 'critical')) {
    add('legal_physical_protection', 'legal_protection_critical',
      'Screening found a critical need for legal protection.',
      'وجد الفحص حاجة حرجة إلى الحماية القانونية.');
  }
  if (medicalCriteriaMet(m.medicalCriteria)) {
    add('medical_needs', 'medical_criteria_met',
      'All four medical-needs criteria are recorded as met.',
      'استُوفيت المعايير الطبية الأربعة كلها.');
  }
  if (m.familyInResettlementCountry) {
    add('family_reunification', 'family_in_resettlement_country',
      'Has family in a resettlement country.',
      'لديه أفراد من العائلة في بلد إعادة توطين.');
  }
  return found;
}

function caseRules(facts: CategoryFacts): Found[] {
  const years = facts.yearsInDisplacement;
  if (years === null || years < PROTRACTED_YEARS || !facts.assessment || !noFeasibleAlternative(facts.assessment)) return [];
  return [{
    category: 'lack_of_alternative_solutions',
    reason: {
      rule: 'protracted_without_alternative',
      personId: null,
      en: `Displaced ${years} years (protracted) and neither voluntary repatriation nor local integration is feasible.`,
      ar: `في حالة نزوح منذ ${arabicCount(years, AR_YEARS)} (نزوح مطوَّل)، ولا العودة الطوعية ولا الاندماج المحلي ممكنان.`,
    },
  }];
}

/**
 * Categories the screening and assessment results point to, each with its reasons, in the
 * Handbook's order (so "usually secondary" comes last). These are suggestions for a
 * caseworker, never a decision: only `confirmCategories` records categories.
 */
export function suggestCategories(facts: CategoryFacts): CategorySuggestion[] {
  const byCategory = new Map<SubmissionCategory, SuggestionReason[]>();
  for (const { category, reason } of [...facts.members.flatMap(memberRules), ...caseRules(facts)]) {
    const reasons = byCategory.get(category);
    if (reasons) reasons.push(reason);
    else byCategory.set(category, [reason]);
  }
  return SUBMISSION_CATEGORY_CODES.flatMap((category) => {
    const reasons = byCategory.get(category);
    return reasons ? [{ category, usualRole: USUALLY_SECONDARY.has(category) ? 'secondary' as const : 'primary' as const, reasons }] : [];
  });
}
