import type { LabourTerm } from './sectors';

/**
 * What a source reported about working conditions at a workplace. Waymark's own list: the
 * ILO indicators (core/trafficking) say whether work is forced; these say what it is like,
 * so a protection team sees poor conditions before they become exploitation.
 */
export const WORKING_CONDITIONS = [
  { code: 'pay_below_minimum', label: { en: 'Pay below the legal minimum', ar: 'أجر أقل من الحد الأدنى القانوني' } },
  { code: 'pay_late_or_irregular', label: { en: 'Pay late or irregular', ar: 'أجر متأخر أو غير منتظم' } },
  { code: 'no_written_contract', label: { en: 'No written contract', ar: 'لا عقد مكتوب' } },
  { code: 'long_hours', label: { en: 'Long hours (over 48 a week)', ar: 'ساعات عمل طويلة (أكثر من 48 أسبوعياً)' } },
  { code: 'no_rest_day', label: { en: 'No weekly rest day', ar: 'لا يوم راحة أسبوعي' } },
  { code: 'documents_withheld', label: { en: 'Identity documents held by the employer', ar: 'وثائق الهوية محتجزة لدى صاحب العمل' } },
  { code: 'recruitment_fees', label: { en: 'Recruitment fees charged to workers', ar: 'رسوم توظيف يدفعها العمال' } },
  { code: 'debt_to_employer', label: { en: 'Workers in debt to the employer', ar: 'العمال مدينون لصاحب العمل' } },
  { code: 'unsafe_work', label: { en: 'Unsafe or hazardous work', ar: 'عمل غير آمن أو خطر' } },
  { code: 'lives_at_workplace', label: { en: 'Workers live at the workplace', ar: 'العمال يقيمون في مكان العمل' } },
  { code: 'children_working', label: { en: 'Children working', ar: 'أطفال يعملون' } },
  { code: 'no_legal_permit', label: { en: 'Workers without a work permit', ar: 'عمال بلا تصريح عمل' } },
] as const satisfies readonly LabourTerm[];
export type WorkingCondition = (typeof WORKING_CONDITIONS)[number]['code'];
export const WORKING_CONDITION_CODES: readonly WorkingCondition[] = WORKING_CONDITIONS.map((c) => c.code);

/** Where a report came from; the informant's name, if any, is sealed and never aggregated. */
export const LABOUR_SOURCE_TYPES = [
  { code: 'worker_interview', label: { en: 'Interview with a worker', ar: 'مقابلة مع عامل' } },
  { code: 'community_informant', label: { en: 'Community informant', ar: 'مُخبر من المجتمع' } },
  { code: 'site_visit', label: { en: 'Visit by staff', ar: 'زيارة ميدانية من الموظفين' } },
  { code: 'employer', label: { en: 'Employer', ar: 'صاحب العمل' } },
  { code: 'partner_agency', label: { en: 'Partner agency', ar: 'وكالة شريكة' } },
  { code: 'hotline', label: { en: 'Hotline call', ar: 'اتصال بالخط الساخن' } },
  { code: 'media', label: { en: 'Media report', ar: 'تقرير إعلامي' } },
  { code: 'official_record', label: { en: 'Official record (labour inspection)', ar: 'سجل رسمي (تفتيش العمل)' } },
] as const satisfies readonly LabourTerm[];
export type LabourSourceType = (typeof LABOUR_SOURCE_TYPES)[number]['code'];
export const LABOUR_SOURCE_TYPE_CODES: readonly LabourSourceType[] = LABOUR_SOURCE_TYPES.map((s) => s.code);
