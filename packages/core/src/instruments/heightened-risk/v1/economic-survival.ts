import { HAS_DEPENDANTS, LEVEL_RULES, NO, NOT_CHILD, NOT_YOUNG_CHILD, choice, indicators, noIsRisk, riskChoice, singleChoice, yesIsRisk, yesNo, type DomainModule } from './build';

const DOMAIN = 'economic_survival';

export const economicSurvival: DomainModule = {
  domain: {
    id: DOMAIN,
    label: { en: 'Economic survival', ar: 'البقاء الاقتصادي' },
    description: {
      en: 'Not enough to live on, unsafe work, and job offers that may be traps.',
      ar: 'عدم كفاية الموارد للعيش، والعمل غير الآمن، وعروض عمل قد تكون فخاً.',
    },
    actions: [
      { id: 'livelihoods_programme', label: { en: 'Livelihoods programme', ar: 'برنامج سبل العيش' } },
      { id: 'cash_assistance', label: { en: 'Cash assistance', ar: 'مساعدة نقدية' } },
      { id: 'safe_employment_information', label: { en: 'Information on safe employment', ar: 'معلومات عن العمل الآمن' } },
    ],
    levelRules: LEVEL_RULES,
  },
  indicators: indicators(DOMAIN, {
    needs_not_covered: { en: 'Income or aid does not cover food or rent', ar: 'الدخل أو المساعدة لا يغطيان الطعام أو الإيجار' },
    works_informally: { en: 'Works informally or without permission', ar: 'يعمل بشكل غير رسمي أو دون تصريح' },
    offered_work_with_paid_travel: {
      en: 'Offered work elsewhere with travel paid by the recruiter',
      ar: 'تلقّى عرض عمل في مكان آخر مع سفر يدفعه صاحب العرض',
    },
    exploitative_work_conditions: {
      en: 'Wages withheld, excessive hours, or cannot leave the job',
      ar: 'حجز الأجور أو ساعات عمل مفرطة أو عدم القدرة على ترك العمل',
    },
    children_in_household_work: { en: 'Children in the household work', ar: 'أطفال في الأسرة يعملون' },
    children_in_hazardous_work: { en: 'Children in the household do hazardous work', ar: 'أطفال في الأسرة يقومون بأعمال خطرة' },
    debt_to_landlord_or_employer: { en: 'Debt to landlord or employer', ar: 'دين لمالك السكن أو لصاحب العمل' },
  }),
  items: [
    yesNo(
      DOMAIN,
      {
        id: 'es_needs_covered',
        label: {
          en: 'Does your income or aid cover food and rent for your household?',
          ar: 'هل يغطي دخلك أو المساعدات التي تتلقاها الطعام والإيجار لأسرتك؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'personal',
      },
      noIsRisk('medium', 'needs_not_covered', {
        en: 'When money does not cover basics, people accept risky jobs, loans or offers to survive.',
        ar: 'عندما لا يكفي المال للاحتياجات الأساسية، يقبل الناس أعمالاً أو قروضاً أو عروضاً خطرة من أجل البقاء.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'es_works_informally',
        label: { en: 'Do you work without a contract or without a work permit?', ar: 'هل تعمل دون عقد أو دون تصريح عمل؟' },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('medium', 'works_informally', {
        en: 'Work without a contract or permit leaves people with no protection if they are cheated or abused.',
        ar: 'العمل دون عقد أو تصريح يترك الشخص بلا حماية إذا تعرّض للغش أو الإساءة.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'es_job_offer_with_paid_travel',
        label: {
          en: 'Has anyone offered you work in another town or country, with the travel paid for by the person offering the job?',
          ar: 'هل عرض عليك أحد عملاً في مدينة أو بلد آخر، على أن يدفع صاحب العرض تكاليف السفر؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('strong', 'offered_work_with_paid_travel', {
        en: 'Paid travel to a job far away is a classic way traffickers recruit: the travel cost becomes a debt.',
        ar: 'دفع تكاليف السفر إلى عمل بعيد أسلوب تقليدي يجنّد به المتاجرون ضحاياهم، إذ تتحول تكلفة السفر إلى دين.',
      }),
    ),
    singleChoice(
      DOMAIN,
      {
        id: 'es_exploitative_work',
        label: {
          en: 'Has an employer or anyone else kept your wages, made you work very long hours, or stopped you from leaving a job or the place where you stay?',
          ar: 'هل قام صاحب عمل أو أي شخص آخر بحجز أجرك، أو إجبارك على العمل لساعات طويلة جداً، أو منعك من ترك العمل أو المكان الذي تقيم فيه؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      [
        riskChoice('yes_now', { en: 'Yes, this is happening now', ar: 'نعم، هذا يحدث الآن' }, 'strong', 'exploitative_work_conditions', {
          en: "These are forced-labour indicators; happening now means the person may be under someone's control today.",
          ar: 'هذه من مؤشرات العمل القسري، وحدوثها الآن يعني أن الشخص قد يكون تحت سيطرة أحد اليوم.',
        }),
        riskChoice('yes_in_the_past', { en: 'Yes, in the past', ar: 'نعم، في الماضي' }, 'strong', 'exploitative_work_conditions', {
          en: 'Someone exploited before is at high risk of being exploited again.',
          ar: 'من تعرّض للاستغلال سابقاً معرَّض بشدة للاستغلال مرة أخرى.',
        }),
        choice('no', NO),
      ],
    ),
    singleChoice(
      DOMAIN,
      {
        id: 'es_children_work',
        label: { en: 'Do any children in your household work to earn money?', ar: 'هل يعمل أيٌّ من الأطفال في أسرتك لكسب المال؟' },
        showIf: { all: [NOT_CHILD, HAS_DEPENDANTS] },
        sensitivity: 'sensitive',
      },
      [
        riskChoice(
          'yes_hazardous',
          {
            en: 'Yes, in dangerous or heavy work, at night or away from home',
            ar: 'نعم، في أعمال خطرة أو شاقة، أو ليلاً، أو بعيداً عن المنزل',
          },
          'strong',
          'children_in_hazardous_work',
          {
            en: 'Hazardous work exposes children to abuse and is often controlled by adults who profit from them.',
            ar: 'العمل الخطر يعرّض الأطفال للإساءة، وغالباً ما يتحكم فيه بالغون يستفيدون منهم.',
          },
        ),
        riskChoice('yes_other_work', { en: 'Yes, other work', ar: 'نعم، أعمال أخرى' }, 'medium', 'children_in_household_work', {
          en: 'Working children miss school and meet employers who may exploit them.',
          ar: 'الأطفال العاملون يفوّتون المدرسة ويلتقون بأصحاب عمل قد يستغلونهم.',
        }),
        choice('no', NO),
      ],
    ),
    yesNo(
      DOMAIN,
      {
        id: 'es_debt_to_landlord_or_employer',
        label: { en: 'Do you owe money to your landlord or your employer?', ar: 'هل أنت مدين بالمال لمالك السكن أو لصاحب العمل؟' },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'personal',
      },
      yesIsRisk('medium', 'debt_to_landlord_or_employer', {
        en: "A debt to the person who controls one's home or job gives that person power to make demands.",
        ar: 'الدين لمن يتحكم في السكن أو العمل يمنحه سلطة لفرض ما يريد.',
      }),
    ),
  ],
  derivedIndicators: [],
};
