import type { Instrument } from './instrument';

/** A tiny but complete instrument for tests: every item type, a show-if, a band and an override. */
export function tinyInstrument(): Instrument {
  const rules = { high: [{ minStrong: 1 }, { minScore: 6 }], medium: [{ minMedium: 1 }, { minWeak: 2 }] };
  const why = { en: 'why', ar: 'لماذا' };
  return {
    id: 'tiny',
    version: 1,
    title: { en: 'Tiny', ar: 'صغير' },
    description: { en: 'For tests', ar: 'للاختبارات' },
    locales: ['en', 'ar'],
    ruleVersion: 'tiny/1',
    domains: [
      { id: 'money', label: { en: 'Money', ar: 'المال' }, description: { en: 'd', ar: 'و' }, actions: [{ id: 'cash', label: { en: 'Cash', ar: 'نقد' } }], levelRules: rules },
      { id: 'travel', label: { en: 'Travel', ar: 'السفر' }, description: { en: 'd', ar: 'و' }, actions: [], levelRules: rules },
    ],
    indicators: [
      { id: 'debt', domain: 'money', label: { en: 'Debt', ar: 'دين' } },
      { id: 'big_debt', domain: 'money', label: { en: 'Big debt', ar: 'دين كبير' } },
      { id: 'crossings', domain: 'travel', label: { en: 'Crossings', ar: 'عبور' } },
      { id: 'old_trip', domain: 'travel', label: { en: 'Old trip', ar: 'رحلة قديمة' } },
      { id: 'alone', domain: 'travel', label: { en: 'Alone', ar: 'وحيد' } },
    ],
    items: [
      {
        id: 'owes',
        domain: 'money',
        type: 'yes_no',
        label: { en: 'Owes?', ar: 'مدين؟' },
        sensitivity: 'sensitive',
        allowPreferNotToAnswer: true,
        choices: [
          { value: 'yes', label: { en: 'Yes', ar: 'نعم' }, weight: 2, strength: 'medium', indicator: 'debt', why },
          { value: 'no', label: { en: 'No', ar: 'لا' }, weight: 0 },
        ],
      },
      {
        id: 'how_much',
        domain: 'money',
        type: 'single_choice',
        label: { en: 'How much?', ar: 'كم؟' },
        showIf: { item: 'owes', equals: 'yes' },
        sensitivity: 'personal',
        allowPreferNotToAnswer: true,
        choices: [
          { value: 'little', label: { en: 'Little', ar: 'قليل' }, weight: 0 },
          { value: 'lot', label: { en: 'A lot', ar: 'كثير' }, weight: 3, strength: 'strong', indicator: 'big_debt', why },
        ],
      },
      {
        id: 'hardships',
        domain: 'money',
        type: 'multiple_choice',
        label: { en: 'Hardships', ar: 'صعوبات' },
        sensitivity: 'personal',
        allowPreferNotToAnswer: true,
        choices: [
          { value: 'rent', label: { en: 'Rent', ar: 'إيجار' }, weight: 1, strength: 'weak', indicator: 'debt', why },
          { value: 'food', label: { en: 'Food', ar: 'طعام' }, weight: 1, strength: 'weak', indicator: 'debt', why },
          { value: 'none', label: { en: 'None', ar: 'لا شيء' }, weight: 0 },
        ],
      },
      {
        id: 'crossings',
        domain: 'travel',
        type: 'number',
        label: { en: 'Crossings?', ar: 'مرات العبور؟' },
        sensitivity: 'personal',
        allowPreferNotToAnswer: true,
        integer: true,
        min: 0,
        max: 20,
        bands: [{ min: 3, weight: 2, strength: 'medium', indicator: 'crossings', why }],
      },
      {
        id: 'left_on',
        domain: 'travel',
        type: 'date',
        label: { en: 'Left on?', ar: 'غادر في؟' },
        sensitivity: 'personal',
        allowPreferNotToAnswer: true,
        min: '1950-01-01',
        max: '2030-12-31',
        bands: [{ to: '2010-12-31', weight: 1, strength: 'weak', indicator: 'old_trip', why }],
      },
    ],
    derivedIndicators: [
      { indicator: 'alone', fact: 'householdSize', when: { fact: 'householdSize', equals: 1 }, strength: 'weak', weight: 1, why },
    ],
    overrides: [
      {
        id: 'debt_and_crossings',
        level: 'critical',
        when: { all: [{ item: 'how_much', equals: 'lot' }, { item: 'crossings', gte: 5 }] },
        why,
        actions: [{ id: 'safety_plan', label: { en: 'Safety plan', ar: 'خطة سلامة' }, urgency: 'immediate' }],
      },
    ],
    compounding: { minDomainsAtMediumOrAbove: 2, raiseBy: 1, maxLevel: 'high' },
    actionUrgency: { medium: 'within_30_days', high: 'within_1_week' },
  };
}
