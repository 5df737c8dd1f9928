import { LEVEL_RULES, NO, NOT_YOUNG_CHILD, choice, indicators, riskChoice, singleChoice, yesIsRisk, yesNo, type DomainModule } from './build';

const DOMAIN = 'mixed_migration_smuggling';

const onwardWhy = {
  en: 'Moving on without papers usually means relying on smugglers and travelling where the person cannot get protection.',
  ar: 'الانتقال دون أوراق يعني غالباً الاعتماد على المهرّبين والسفر في ظروف لا يحصل فيها الشخص على أي حماية.',
};

export const mixedMigrationSmuggling: DomainModule = {
  domain: {
    id: DOMAIN,
    label: { en: 'Mixed migration and smuggling', ar: 'الهجرة المختلطة والتهريب' },
    description: {
      en: 'Journeys that depend on smugglers, debts for the journey and plans to move on without papers.',
      ar: 'رحلات تعتمد على المهرّبين، وديون الرحلة، وخطط للانتقال إلى مكان آخر دون أوراق رسمية.',
    },
    actions: [
      { id: 'trafficking_smuggling_information', label: { en: 'Information on trafficking and smuggling risks', ar: 'معلومات عن مخاطر الاتجار بالبشر والتهريب' } },
      { id: 'debt_counselling', label: { en: 'Debt counselling', ar: 'إرشاد بشأن الديون' } },
      { id: 'legal_information', label: { en: 'Legal information', ar: 'معلومات قانونية' } },
      {
        id: 'consider_case_debt_and_job_offer',
        label: {
          en: 'Consider opening a case, especially if the debt comes with a job offer',
          ar: 'النظر في فتح ملف حالة، خاصة إذا ارتبط الدين بعرض عمل',
        },
        minLevel: 'high',
      },
    ],
    levelRules: LEVEL_RULES,
  },
  indicators: indicators(DOMAIN, {
    used_smuggler: { en: 'Used a smuggler or facilitator', ar: 'استعان بمهرّب أو وسيط' },
    owes_journey_debt: { en: 'Owes money for the journey', ar: 'عليه دين مقابل الرحلة' },
    debt_repaid_through_arranged_work: { en: 'Debt to be repaid through work the creditor arranges', ar: 'دين يُسدَّد بعمل يرتّبه الدائن' },
    documents_held_by_someone_else: { en: 'Someone else holds their documents', ar: 'شخص آخر يحتفظ بوثائقه' },
    plans_irregular_onward_movement: { en: 'Plans to move on irregularly', ar: 'يخطط للانتقال بطريقة غير نظامية' },
  }),
  items: [
    yesNo(
      DOMAIN,
      {
        id: 'mms_used_smuggler',
        label: {
          en: "Did anyone help you travel here or cross a border in exchange for money, for example a smuggler or a 'facilitator'?",
          ar: 'هل ساعدك أحد مقابل المال على السفر إلى هنا أو عبور الحدود، مثل مهرّب أو «وسيط»؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('medium', 'used_smuggler', {
        en: 'People who depend on smugglers can be handed on to traffickers, or end up owing them money or favours.',
        ar: 'من يعتمد على المهرّبين قد يُسلَّم إلى المتاجرين بالبشر، أو ينتهي به الأمر مديناً لهم بالمال أو بخدمات.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'mms_owes_journey_debt',
        label: {
          en: 'Do you or your family still owe money to anyone for the journey?',
          ar: 'هل ما زلت أنت أو عائلتك مدينين بالمال لأي شخص مقابل الرحلة؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('strong', 'owes_journey_debt', {
        en: "'Travel now, pay later' debts are one of the most common ways traffickers take control of a person.",
        ar: 'ديون «سافر الآن وادفع لاحقاً» من أكثر الطرق شيوعاً التي يسيطر بها المتاجرون على الأشخاص.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'mms_debt_repaid_through_work',
        label: {
          en: 'Are you expected to pay this debt back by working in a job that the person you owe arranges?',
          ar: 'هل يُنتظر منك سداد هذا الدين من خلال العمل في وظيفة يرتّبها الشخص الذي تدين له؟',
        },
        showIf: { item: 'mms_owes_journey_debt', equals: 'yes' },
        sensitivity: 'sensitive',
      },
      yesIsRisk('strong', 'debt_repaid_through_arranged_work', {
        en: 'Paying off a debt through work the lender controls is debt bondage, a sign of forced labour.',
        ar: 'سداد الدين بعمل يتحكم فيه الدائن هو عبودية الدَّين، وهي علامة على العمل القسري.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'mms_documents_held',
        label: {
          en: 'Is someone other than a government office keeping your passport or identity papers, such as an employer, a landlord or the person who brought you here?',
          ar: 'هل يحتفظ شخص غير جهة حكومية بجواز سفرك أو أوراقك الثبوتية، مثل صاحب عمل أو مالك سكن أو الشخص الذي أحضرك إلى هنا؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('strong', 'documents_held_by_someone_else', {
        en: "Keeping someone's papers stops them from leaving or seeking help; it is a forced-labour indicator.",
        ar: 'الاحتفاظ بأوراق شخص ما يمنعه من المغادرة أو طلب المساعدة، وهو من مؤشرات العمل القسري.',
      }),
    ),
    singleChoice(
      DOMAIN,
      {
        id: 'mms_onward_plans',
        label: {
          en: 'Are you planning to move on to another place or country without official papers or permission?',
          ar: 'هل تخطط للانتقال إلى مكان أو بلد آخر دون أوراق رسمية أو إذن؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      [
        riskChoice('yes_within_weeks', { en: 'Yes, in the coming weeks', ar: 'نعم، خلال الأسابيع القادمة' }, 'medium', 'plans_irregular_onward_movement', onwardWhy),
        riskChoice('yes_later', { en: 'Yes, some time later', ar: 'نعم، في وقت لاحق' }, 'medium', 'plans_irregular_onward_movement', onwardWhy),
        choice('no', NO),
      ],
    ),
  ],
  derivedIndicators: [],
};

