import { HAS_DEPENDANTS, LEVEL_RULES, NOT_CHILD, NOT_YOUNG_CHILD, fromRegistration, indicators, noIsRisk, yesIsRisk, yesNo, type DomainModule } from './build';

const DOMAIN = 'protracted_displacement';

export const protractedDisplacement: DomainModule = {
  domain: {
    id: DOMAIN,
    label: { en: 'Protracted displacement', ar: 'النزوح المطوّل' },
    description: {
      en: 'Years in exile with no way ahead, and children left without nationality.',
      ar: 'سنوات من اللجوء دون أفق، وأطفال بلا جنسية.',
    },
    actions: [
      { id: 'durable_solutions_review', label: { en: 'Durable-solutions review', ar: 'مراجعة الحلول الدائمة' } },
      {
        id: 'resettlement_consideration',
        label: { en: 'Consider for resettlement when other risks are present', ar: 'النظر في إعادة التوطين عند وجود مخاطر أخرى' },
        minLevel: 'high',
      },
    ],
    levelRules: LEVEL_RULES,
  },
  indicators: indicators(DOMAIN, {
    no_durable_solution_in_prospect: { en: 'No durable solution in prospect', ar: 'لا يوجد حل دائم في الأفق' },
    children_without_birth_registration_or_nationality: {
      en: 'Children without birth registration or nationality',
      ar: 'أطفال دون تسجيل ولادة أو دون جنسية',
    },
    considering_risky_onward_movement: {
      en: 'Considering risky onward movement to escape limbo',
      ar: 'يفكّر في انتقال محفوف بالمخاطر للخروج من حالة الانتظار',
    },
    displaced_5_to_9_years: { en: 'Displaced for 5 to 9 years', ar: 'نازح منذ 5 إلى 9 سنوات' },
    displaced_10_years_or_more: { en: 'Displaced for 10 years or more', ar: 'نازح منذ 10 سنوات أو أكثر' },
  }),
  items: [
    yesNo(
      DOMAIN,
      {
        id: 'pd_sees_way_ahead',
        label: {
          en: 'Do you see a way ahead for you and your family: going home safely, staying here legally, or moving to another country through official channels?',
          ar: 'هل ترى طريقاً للمستقبل لك ولعائلتك، كالعودة الآمنة إلى بلدك، أو البقاء هنا بشكل قانوني، أو الانتقال إلى بلد آخر عبر القنوات الرسمية؟',
        },
        showIf: NOT_CHILD,
        sensitivity: 'personal',
      },
      noIsRisk('medium', 'no_durable_solution_in_prospect', {
        en: 'Years without a way out push people to accept risky offers that promise one.',
        ar: 'السنوات الطويلة دون مخرج تدفع الناس إلى قبول عروض خطرة تَعِدهم بمخرج.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'pd_children_without_papers',
        label: {
          en: 'Is any child in your family without a birth certificate or without a nationality?',
          ar: 'هل يوجد في عائلتك طفل ليس لديه شهادة ميلاد أو ليس له جنسية؟',
        },
        showIf: { all: [NOT_CHILD, HAS_DEPENDANTS] },
        sensitivity: 'personal',
      },
      yesIsRisk('medium', 'children_without_birth_registration_or_nationality', {
        en: 'Children without papers or nationality cannot prove their age or identity, which makes them easier to traffic and harder to protect.',
        ar: 'الأطفال الذين لا يملكون أوراقاً أو جنسية لا يستطيعون إثبات أعمارهم أو هوياتهم، مما يسهّل الاتجار بهم ويصعّب حمايتهم.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'pd_considering_risky_move',
        label: {
          en: 'Because of how long you have been waiting, have you thought about taking a dangerous route or accepting a risky offer to get out of this situation?',
          ar: 'بسبب طول فترة الانتظار، هل فكّرت في سلوك طريق خطر أو قبول عرض محفوف بالمخاطر للخروج من هذا الوضع؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('medium', 'considering_risky_onward_movement', {
        en: 'Despair after long waiting is exactly what recruiters and smugglers exploit.',
        ar: 'اليأس بعد انتظار طويل هو بالضبط ما يستغلّه المجنِّدون والمهرّبون.',
      }),
    ),
  ],
  derivedIndicators: [
    fromRegistration(
      'displaced_5_to_9_years',
      'yearsSinceArrival',
      { all: [{ fact: 'yearsSinceArrival', gte: 5 }, { fact: 'yearsSinceArrival', lt: 10 }] },
      'medium',
      {
        en: 'Five years or more in exile without a solution wear down savings, hope and protection.',
        ar: 'خمس سنوات أو أكثر في اللجوء دون حل تستنزف المدخرات والأمل والحماية.',
      },
    ),
    fromRegistration('displaced_10_years_or_more', 'yearsSinceArrival', { fact: 'yearsSinceArrival', gte: 10 }, 'strong', {
      en: 'After ten years or more in limbo, the pressure to take any way out is at its highest.',
      ar: 'بعد عشر سنوات أو أكثر من الانتظار، يبلغ الضغط لقبول أي مخرج ذروته.',
    }),
  ],
};
