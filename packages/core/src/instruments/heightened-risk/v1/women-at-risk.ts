import { FEMALE, LEVEL_RULES, NOT_YOUNG_CHILD, fromRegistration, indicators, noIsRisk, yesIsRisk, yesNo, type DomainModule } from './build';

const DOMAIN = 'women_at_risk';

export const womenAtRisk: DomainModule = {
  domain: {
    id: DOMAIN,
    label: { en: 'Women at risk', ar: 'النساء المعرّضات للخطر' },
    description: {
      en: 'Women and girls living without protection, pressured to marry, or heading a household alone.',
      ar: 'نساء وفتيات يعشن دون حماية، أو يتعرّضن للضغط من أجل الزواج، أو يُعِلن أسراً بمفردهن.',
    },
    actions: [
      { id: 'women_at_risk_support', label: { en: 'Women-at-risk support', ar: 'دعم النساء المعرّضات للخطر' } },
      { id: 'safe_shelter', label: { en: 'Safe shelter', ar: 'مأوى آمن' }, minLevel: 'high' },
      {
        id: 'resettlement_women_and_girls_at_risk',
        label: {
          en: "Consider resettlement under 'women and girls at risk'",
          ar: 'النظر في إعادة التوطين ضمن فئة «النساء والفتيات المعرّضات للخطر»',
        },
        minLevel: 'high',
      },
    ],
    levelRules: LEVEL_RULES,
  },
  indicators: indicators(DOMAIN, {
    lives_alone_in_private_accommodation: {
      en: 'Lives alone in private (not group) accommodation',
      ar: 'تعيش بمفردها في سكن خاص (ليس سكناً جماعياً)',
    },
    pressured_towards_marriage: {
      en: 'Pressured towards marriage, including child marriage',
      ar: 'ضغط من أجل الزواج، بما في ذلك زواج الأطفال',
    },
    no_trusted_adult: { en: 'No trusted adult to turn to', ar: 'لا يوجد شخص بالغ موثوق تلجأ إليه' },
    female_head_with_dependants: { en: 'Female head of household with dependants', ar: 'امرأة تعيل أسرة ولديها مُعالون' },
    woman_or_girl_without_adult_in_household: {
      en: 'Woman or girl with no other adult in the household',
      ar: 'امرأة أو فتاة لا يوجد معها أي بالغ آخر في الأسرة',
    },
  }),
  items: [
    yesNo(
      DOMAIN,
      {
        id: 'wr_lives_alone_privately',
        label: {
          en: 'Do you live on your own in a private room or flat, rather than with family or in shared housing?',
          ar: 'هل تعيشين بمفردك في غرفة أو شقة خاصة، وليس مع العائلة أو في سكن مشترك؟',
        },
        showIf: { all: [FEMALE, NOT_YOUNG_CHILD, { fact: 'setting', equals: 'urban' }] },
        sensitivity: 'sensitive',
      },
      yesIsRisk('strong', 'lives_alone_in_private_accommodation', {
        en: 'Traffickers target women living alone in private accommodation in cities, because few people would notice if something happened to them.',
        ar: 'تستهدف شبكات الاتجار النساءَ اللواتي يعشن بمفردهن في مساكن خاصة في المدن، لأن قلة من الناس قد يلاحظون إن أصابهن مكروه.',
      }),
    ),
    // Asked of anyone: a parent can tell us about a daughter under pressure.
    yesNo(
      DOMAIN,
      {
        id: 'wr_marriage_pressure',
        label: {
          en: 'Is anyone pressuring you, or a girl in your family, to marry?',
          ar: 'هل يضغط أحد عليك أو على فتاة في عائلتك من أجل الزواج؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('strong', 'pressured_towards_marriage', {
        en: 'Forced and child marriage can be a route into sexual exploitation and domestic servitude.',
        ar: 'الزواج القسري وزواج الأطفال قد يكونان طريقاً إلى الاستغلال الجنسي والعبودية المنزلية.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'wr_has_trusted_adult',
        label: {
          en: 'Is there an adult you trust whom you could turn to if you were in trouble?',
          ar: 'هل يوجد شخص بالغ تثقين به يمكنك اللجوء إليه إذا واجهتِ مشكلة؟',
        },
        showIf: { all: [FEMALE, NOT_YOUNG_CHILD] },
        sensitivity: 'personal',
      },
      noIsRisk('medium', 'no_trusted_adult', {
        en: 'A woman with no one to turn to has no one to warn her about a false offer or to notice if she goes missing.',
        ar: 'المرأة التي لا تجد من تلجأ إليه لا يوجد من ينبّهها إلى عرض كاذب أو يلاحظ غيابها.',
      }),
    ),
  ],
  derivedIndicators: [
    fromRegistration(
      'female_head_with_dependants',
      'isHeadOfHousehold',
      { all: [FEMALE, { fact: 'isHeadOfHousehold', equals: true }, { fact: 'dependantsInHousehold', gte: 1 }] },
      'medium',
      {
        en: 'Women heading a household carry the whole burden of income and care, and are often targeted with exploitative offers.',
        ar: 'النساء اللواتي يُعِلن أسرهن يتحمّلن عبء الدخل والرعاية كاملاً، وكثيراً ما يُستهدفن بعروض استغلالية.',
      },
    ),
    fromRegistration(
      'woman_or_girl_without_adult_in_household',
      'otherAdultsInHousehold',
      { all: [FEMALE, { fact: 'otherAdultsInHousehold', equals: 0 }] },
      'medium',
      {
        en: 'A woman or girl with no other adult at home has no one to protect her or to notice if something is wrong.',
        ar: 'المرأة أو الفتاة التي لا يوجد معها بالغ آخر في المنزل لا تجد من يحميها أو يلاحظ إن حدث خطب ما.',
      },
    ),
  ],
};
