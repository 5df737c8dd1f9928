import type { MeansCode, PurposeCode } from './protocol';
import type { TraffickingTerm } from './term';

/*
 * Value lists of the IOM Human Trafficking Case Data Standard (HTCDS) 2.0, CC BY 4.0
 * (shared/standards/htcds: htcds_xform.xml and field-definitions.md). Codes and English
 * labels are HTCDS's own, unchanged; the Arabic labels are Waymark's translations.
 * Human Trafficking Case Data Standard by IOM, licensed under CC BY 4.0; IOM does not
 * endorse Waymark.
 */

/** HTCDS vic_TypeOfExploitation. */
export type ExploitationTypeCode =
  | 'ForcedLabour'
  | 'SexualExploitation'
  | 'ChildLabour'
  | 'ForcedMarriage'
  | 'Servitude'
  | 'ForcedMilitaryByNonStateActors'
  | 'OrganRemoval'
  | 'ForcedBegging'
  | 'ForcedAdoption'
  | 'Surrogacy'
  | 'Other';

export interface ExploitationTypeTerm extends TraffickingTerm<ExploitationTypeCode> {
  /** The purpose this exploitation realises: exploitation that happened shows the purpose. */
  readonly purpose: PurposeCode;
}

export const EXPLOITATION_TYPES: readonly ExploitationTypeTerm[] = [
  { code: 'ForcedLabour', purpose: 'forced_labour_or_services', label: { en: 'Forced labour', ar: 'العمل القسري' } },
  { code: 'SexualExploitation', purpose: 'sexual_exploitation', label: { en: 'Sexual exploitation', ar: 'الاستغلال الجنسي' } },
  { code: 'ChildLabour', purpose: 'child_labour', label: { en: 'Child labour', ar: 'عمل الأطفال' } },
  { code: 'ForcedMarriage', purpose: 'forced_marriage', label: { en: 'Forced marriage', ar: 'الزواج القسري' } },
  { code: 'Servitude', purpose: 'servitude', label: { en: 'Servitude', ar: 'الاستعباد' } },
  {
    code: 'ForcedMilitaryByNonStateActors',
    purpose: 'forced_military_by_non_state_actors',
    label: { en: 'Forced military (by non-state actors)', ar: 'التجنيد العسكري القسري (من قِبل جهات من غير الدول)' },
    arReview: true,
  },
  { code: 'OrganRemoval', purpose: 'removal_of_organs', label: { en: 'Organ removal', ar: 'نزع الأعضاء' } },
  { code: 'ForcedBegging', purpose: 'forced_begging', label: { en: 'Forced begging', ar: 'التسوّل القسري' } },
  { code: 'ForcedAdoption', purpose: 'forced_adoption', label: { en: 'Forced adoption', ar: 'التبنّي القسري' } },
  { code: 'Surrogacy', purpose: 'surrogacy', label: { en: 'Surrogacy', ar: 'تأجير الأرحام' }, arReview: true },
  { code: 'Other', purpose: 'other_exploitation', label: { en: 'Other', ar: 'غير ذلك' } },
];

/** HTCDS vic_Methods_of_Control, plus two methods that only the field definitions name. */
export type ControlMethodCode =
  | 'PhysicalThreats'
  | 'ThreatsLawEnforcement'
  | 'ThreatensChildrenFamily'
  | 'DebtBondage'
  | 'FalsePromises'
  | 'PhysicalAbuse'
  | 'SexualAbuse'
  | 'TakesEarnings'
  | 'RestrictsFinancialAccess'
  | 'RestrictsMedicalCare'
  | 'WithholdsNecessities'
  | 'PsychologicalAbuse'
  | 'PsychoactiveSubstance'
  | 'ExcessiveWorkingHours'
  | 'WithholdsDocuments'
  | 'Other'
  | 'RestrictsMovement'
  | 'UsesChildren';

export interface ControlMethodTerm extends TraffickingTerm<ControlMethodCode> {
  /**
   * The Protocol means this method is, in plain words, an instance of; null where it is a
   * condition of control but not itself one of the listed means. Waymark's reading.
   */
  readonly means: MeansCode | null;
  /**
   * 'value_list': in the HTCDS select list (code and label as given). 'field_definition':
   * only in field-definitions.md as MethodsOfControl<Code>; the label is made from that name.
   */
  readonly source: 'value_list' | 'field_definition';
}

export const CONTROL_METHODS: readonly ControlMethodTerm[] = [
  { code: 'PhysicalThreats', source: 'value_list', means: 'threat', label: { en: 'Physical threats', ar: 'التهديد بالأذى الجسدي' } },
  { code: 'ThreatsLawEnforcement', source: 'value_list', means: 'coercion', label: { en: 'Threats of law enforcement', ar: 'التهديد بإبلاغ الشرطة أو السلطات' } },
  { code: 'ThreatensChildrenFamily', source: 'value_list', means: 'threat', label: { en: 'Threatens children/family', ar: 'تهديد الأطفال أو الأسرة' } },
  { code: 'DebtBondage', source: 'value_list', means: null, label: { en: 'Debt bondage', ar: 'عبودية الدَّين' }, arReview: true },
  { code: 'FalsePromises', source: 'value_list', means: 'deception', label: { en: 'False promises', ar: 'وعود كاذبة' } },
  { code: 'PhysicalAbuse', source: 'value_list', means: 'force', label: { en: 'Physical abuse', ar: 'الإيذاء الجسدي' } },
  { code: 'SexualAbuse', source: 'value_list', means: 'force', label: { en: 'Sexual abuse', ar: 'الاعتداء الجنسي' } },
  { code: 'TakesEarnings', source: 'value_list', means: null, label: { en: 'Takes earnings', ar: 'الاستيلاء على المكاسب' } },
  { code: 'RestrictsFinancialAccess', source: 'value_list', means: null, label: { en: 'Restricts financial access', ar: 'تقييد الوصول إلى المال' } },
  { code: 'RestrictsMedicalCare', source: 'value_list', means: null, label: { en: 'Restricts medical care', ar: 'تقييد الحصول على الرعاية الطبية' } },
  { code: 'WithholdsNecessities', source: 'value_list', means: null, label: { en: 'Withholds necessities', ar: 'الحرمان من الضروريات' } },
  { code: 'PsychologicalAbuse', source: 'value_list', means: null, label: { en: 'Psychological abuse', ar: 'الإيذاء النفسي' } },
  { code: 'PsychoactiveSubstance', source: 'value_list', means: null, label: { en: 'Psychoactive substance', ar: 'مواد مؤثرة نفسياً' }, arReview: true },
  { code: 'ExcessiveWorkingHours', source: 'value_list', means: null, label: { en: 'Excessive working hours', ar: 'ساعات عمل مفرطة' } },
  { code: 'WithholdsDocuments', source: 'value_list', means: null, label: { en: 'Withholds documents', ar: 'حجز الوثائق' } },
  { code: 'Other', source: 'value_list', means: null, label: { en: 'Other', ar: 'غير ذلك' } },
  { code: 'RestrictsMovement', source: 'field_definition', means: null, label: { en: 'Restricts movement', ar: 'تقييد الحركة' } },
  { code: 'UsesChildren', source: 'field_definition', means: null, label: { en: 'Uses children', ar: 'استخدام الأطفال وسيلةً للسيطرة' }, arReview: true },
];
