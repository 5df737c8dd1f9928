import type { Override, OverrideAction } from '../../instrument';
import { CHILD } from './build';

const SAFETY_PLAN: OverrideAction = {
  id: 'immediate_safety_plan',
  label: { en: 'Immediate safety plan', ar: 'خطة سلامة فورية' },
  urgency: 'immediate',
};

const ANTI_TRAFFICKING_REFERRAL: OverrideAction = {
  id: 'anti_trafficking_referral',
  label: { en: 'Referral to an anti-trafficking partner', ar: 'إحالة إلى شريك مختص بمكافحة الاتجار بالبشر' },
  urgency: 'within_2_days',
};

// Same id as the children domain's action, so the more urgent one wins when both apply.
const BIA_WITHIN_2_DAYS: OverrideAction = {
  id: 'best_interests_assessment',
  label: { en: 'Best interests assessment (BIA) within 2 days', ar: 'تقييم المصالح الفضلى للطفل خلال يومين' },
  urgency: 'within_2_days',
};

/** Critical whatever the sum: the five rules of the design, plus child recruitment. */
export const overrides: Override[] = [
  {
    id: 'current_control_by_another_person',
    level: 'critical',
    when: {
      any: [
        { item: 'mms_documents_held', equals: 'yes' },
        { item: 'mms_debt_repaid_through_work', equals: 'yes' },
        { item: 'es_exploitative_work', equals: 'yes_now' },
        { item: 'sg_coerced_by_person_with_power', equals: 'yes_now' },
        { item: 'lp_document_problems', includes: 'held_by_another_person' },
      ],
    },
    why: {
      en: "Someone else controls this person's movement, documents, wages or body now: trafficking may be happening today.",
      ar: 'شخص آخر يتحكم الآن في تنقّلات هذا الشخص أو وثائقه أو أجره أو جسده: قد يكون الاتجار بالبشر حاصلاً الآن.',
    },
    actions: [SAFETY_PLAN, ANTI_TRAFFICKING_REFERRAL],
  },
  {
    id: 'unaccompanied_child_without_carer',
    level: 'critical',
    when: {
      all: [
        CHILD,
        { fact: 'careSituation', equals: 'unaccompanied' },
        { any: [{ item: 'cr_current_carer', equals: 'no_one' }, { fact: 'otherAdultsInHousehold', equals: 0 }] },
      ],
    },
    why: { en: 'An unaccompanied child has no one caring for them.', ar: 'طفل غير مصحوب لا يرعاه أحد.' },
    actions: [
      BIA_WITHIN_2_DAYS,
      { id: 'interim_care', label: { en: 'Arrange interim care', ar: 'ترتيب رعاية مؤقتة' }, urgency: 'immediate' },
    ],
  },
  {
    id: 'separated_child_approached',
    level: 'critical',
    when: {
      all: [
        CHILD,
        { fact: 'careSituation', in: ['separated', 'unaccompanied'] },
        { item: 'cr_approached_with_offers', equals: 'yes' },
      ],
    },
    why: {
      en: 'A separated or unaccompanied child has been approached with offers of work, travel or marriage.',
      ar: 'تواصل أحدٌ مع طفل منفصل عن ذويه أو غير مصحوب وعرض عليه عملاً أو سفراً أو زواجاً.',
    },
    actions: [SAFETY_PLAN, BIA_WITHIN_2_DAYS, ANTI_TRAFFICKING_REFERRAL],
  },
  {
    id: 'journey_debt_and_imminent_onward_movement',
    level: 'critical',
    when: {
      all: [
        { item: 'mms_owes_journey_debt', equals: 'yes' },
        { item: 'mms_onward_plans', equals: 'yes_within_weeks' },
      ],
    },
    why: {
      en: 'The person owes money to a facilitator and plans to move on irregularly within weeks: this is when debts get collected through exploitation.',
      ar: 'الشخص مدين لوسيط ويخطط للانتقال بطريقة غير نظامية خلال أسابيع، وهذا هو الوقت الذي تُحصَّل فيه الديون عبر الاستغلال.',
    },
    actions: [
      {
        id: 'urgent_counselling_on_journey_and_debt',
        label: {
          en: "Urgent counselling on the journey's risks, the debt and safe alternatives",
          ar: 'إرشاد عاجل حول مخاطر الرحلة والدَّين والبدائل الآمنة',
        },
        urgency: 'within_2_days',
      },
      ANTI_TRAFFICKING_REFERRAL,
    ],
  },
  {
    id: 'sexual_violence_last_72_hours',
    level: 'critical',
    when: { item: 'sg_sexual_violence', equals: 'yes_last_72_hours' },
    why: {
      en: 'Sexual violence in the last 72 hours: urgent medical care first, then the GBV pathway.',
      ar: 'عنف جنسي خلال الساعات الـ72 الماضية: الرعاية الطبية العاجلة أولاً، ثم مسار الإحالة الخاص بالعنف القائم على النوع الاجتماعي.',
    },
    actions: [
      {
        id: 'urgent_medical_care',
        label: { en: 'Urgent medical care (post-rape care within 72 hours)', ar: 'رعاية طبية عاجلة (الرعاية بعد الاغتصاب خلال 72 ساعة)' },
        urgency: 'immediate',
      },
      {
        id: 'gbv_case_management',
        label: {
          en: 'GBV case management (survivor-centred, with consent)',
          ar: 'إدارة حالة العنف القائم على النوع الاجتماعي (محورها الناجي/ة وبموافقته/ا)',
        },
        urgency: 'within_2_days',
      },
    ],
  },
  {
    id: 'child_recruited_by_armed_group',
    level: 'critical',
    when: { item: 'ci_armed_group_approach', equals: 'yes_child' },
    why: {
      en: 'A child in the household has been approached or recruited by an armed group.',
      ar: 'تواصلت جماعة مسلحة مع طفل في الأسرة أو جنّدته.',
    },
    actions: [SAFETY_PLAN, BIA_WITHIN_2_DAYS, ANTI_TRAFFICKING_REFERRAL],
  },
];
