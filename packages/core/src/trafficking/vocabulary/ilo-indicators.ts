import type { MeansCode } from './protocol';
import type { TraffickingTerm } from './term';

/** The 11 ILO indicators of forced labour (ILO, 2012), in the ILO's order. */
export type IloIndicatorCode =
  | 'abuse_of_vulnerability'
  | 'deception'
  | 'restriction_of_movement'
  | 'isolation'
  | 'physical_and_sexual_violence'
  | 'intimidation_and_threats'
  | 'retention_of_identity_documents'
  | 'withholding_of_wages'
  | 'debt_bondage'
  | 'abusive_working_and_living_conditions'
  | 'excessive_overtime';

export interface IloIndicatorTerm extends TraffickingTerm<IloIndicatorCode> {
  /**
   * The Protocol means that this indicator is, word for word, an instance of (so observing
   * it also establishes the means element). Null where the indicator is a condition of the
   * exploitation rather than a means. Waymark's reading, documented in the README.
   */
  readonly means: MeansCode | null;
}

export const ILO_FORCED_LABOUR_INDICATORS: readonly IloIndicatorTerm[] = [
  { code: 'abuse_of_vulnerability', means: 'abuse_of_vulnerability', label: { en: 'Abuse of vulnerability', ar: 'استغلال حالة الضعف' } },
  { code: 'deception', means: 'deception', label: { en: 'Deception', ar: 'الخداع' } },
  { code: 'restriction_of_movement', means: null, label: { en: 'Restriction of movement', ar: 'تقييد حرية التنقل' } },
  { code: 'isolation', means: null, label: { en: 'Isolation', ar: 'العزل' } },
  { code: 'physical_and_sexual_violence', means: 'force', label: { en: 'Physical and sexual violence', ar: 'العنف الجسدي والجنسي' } },
  { code: 'intimidation_and_threats', means: 'threat', label: { en: 'Intimidation and threats', ar: 'الترهيب والتهديد' } },
  { code: 'retention_of_identity_documents', means: null, label: { en: 'Retention of identity documents', ar: 'الاحتفاظ بوثائق الهوية' } },
  { code: 'withholding_of_wages', means: null, label: { en: 'Withholding of wages', ar: 'حجب الأجور' } },
  { code: 'debt_bondage', means: null, label: { en: 'Debt bondage', ar: 'عبودية الدَّين' }, arReview: true },
  { code: 'abusive_working_and_living_conditions', means: null, label: { en: 'Abusive working and living conditions', ar: 'ظروف عمل ومعيشة مسيئة' } },
  { code: 'excessive_overtime', means: null, label: { en: 'Excessive overtime', ar: 'ساعات عمل إضافية مفرطة' } },
];
