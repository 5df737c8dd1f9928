import type { TraffickingTerm } from './term';

/*
 * The three elements of the UN Trafficking Protocol (2000), art. 3(a). The codes are
 * Waymark's (the Protocol has none); the Arabic labels follow the wording of the
 * Protocol's Arabic text.
 */

export type ActCode = 'recruitment' | 'transportation' | 'transfer' | 'harbouring' | 'receipt';

export const TRAFFICKING_ACTS: readonly TraffickingTerm<ActCode>[] = [
  { code: 'recruitment', label: { en: 'Recruitment', ar: 'التجنيد' } },
  { code: 'transportation', label: { en: 'Transportation', ar: 'النقل' } },
  { code: 'transfer', label: { en: 'Transfer', ar: 'التنقيل' } },
  { code: 'harbouring', label: { en: 'Harbouring', ar: 'الإيواء' } },
  { code: 'receipt', label: { en: 'Receipt', ar: 'الاستقبال' } },
];

export type MeansCode =
  | 'threat'
  | 'force'
  | 'coercion'
  | 'abduction'
  | 'fraud'
  | 'deception'
  | 'abuse_of_power'
  | 'abuse_of_vulnerability'
  | 'payments_to_person_in_control';

export const TRAFFICKING_MEANS: readonly TraffickingTerm<MeansCode>[] = [
  { code: 'threat', label: { en: 'Threat of force', ar: 'التهديد بالقوة' } },
  { code: 'force', label: { en: 'Use of force', ar: 'استعمال القوة' } },
  { code: 'coercion', label: { en: 'Other forms of coercion', ar: 'أشكال أخرى من القسر' } },
  { code: 'abduction', label: { en: 'Abduction', ar: 'الاختطاف' } },
  { code: 'fraud', label: { en: 'Fraud', ar: 'الاحتيال' } },
  { code: 'deception', label: { en: 'Deception', ar: 'الخداع' } },
  { code: 'abuse_of_power', label: { en: 'Abuse of power', ar: 'استغلال السلطة' } },
  { code: 'abuse_of_vulnerability', label: { en: 'Abuse of a position of vulnerability', ar: 'استغلال حالة استضعاف' } },
  {
    code: 'payments_to_person_in_control',
    label: {
      en: 'Giving or receiving payments or benefits to obtain the consent of a person having control over another person',
      ar: 'إعطاء أو تلقي مبالغ مالية أو مزايا لنيل موافقة شخص له سيطرة على شخص آخر',
    },
  },
];

/**
 * The Protocol's minimum list of purposes, then the further forms of exploitation that the
 * HTCDS "Type of Exploitation" list names (the Protocol's list is "at a minimum").
 * `htcds` is the matching HTCDS code, so an exploitation that took place can stand for
 * the purpose.
 */
export type PurposeCode =
  | 'sexual_exploitation'
  | 'forced_labour_or_services'
  | 'slavery_or_similar_practices'
  | 'servitude'
  | 'removal_of_organs'
  | 'forced_marriage'
  | 'child_labour'
  | 'forced_military_by_non_state_actors'
  | 'forced_begging'
  | 'forced_adoption'
  | 'surrogacy'
  | 'other_exploitation';

export interface PurposeTerm extends TraffickingTerm<PurposeCode> {
  /** Named in the Protocol itself (rather than only in HTCDS). */
  readonly protocol: boolean;
}

export const TRAFFICKING_PURPOSES: readonly PurposeTerm[] = [
  {
    code: 'sexual_exploitation',
    protocol: true,
    label: { en: 'Exploitation of the prostitution of others or other forms of sexual exploitation', ar: 'استغلال دعارة الغير أو سائر أشكال الاستغلال الجنسي' },
  },
  { code: 'forced_labour_or_services', protocol: true, label: { en: 'Forced labour or services', ar: 'السخرة أو الخدمة قسراً' } },
  { code: 'slavery_or_similar_practices', protocol: true, label: { en: 'Slavery or practices similar to slavery', ar: 'الاسترقاق أو الممارسات الشبيهة بالرق' } },
  { code: 'servitude', protocol: true, label: { en: 'Servitude', ar: 'الاستعباد' } },
  { code: 'removal_of_organs', protocol: true, label: { en: 'Removal of organs', ar: 'نزع الأعضاء' } },
  { code: 'forced_marriage', protocol: false, label: { en: 'Forced marriage', ar: 'الزواج القسري' } },
  { code: 'child_labour', protocol: false, label: { en: 'Child labour', ar: 'عمل الأطفال' } },
  {
    code: 'forced_military_by_non_state_actors',
    protocol: false,
    label: { en: 'Forced military service (by non-state actors)', ar: 'التجنيد العسكري القسري (من قِبل جهات من غير الدول)' },
    arReview: true,
  },
  { code: 'forced_begging', protocol: false, label: { en: 'Forced begging', ar: 'التسوّل القسري' } },
  { code: 'forced_adoption', protocol: false, label: { en: 'Forced adoption', ar: 'التبنّي القسري' } },
  { code: 'surrogacy', protocol: false, label: { en: 'Surrogacy', ar: 'تأجير الأرحام' }, arReview: true },
  { code: 'other_exploitation', protocol: false, label: { en: 'Other form of exploitation', ar: 'شكل آخر من أشكال الاستغلال' } },
];
