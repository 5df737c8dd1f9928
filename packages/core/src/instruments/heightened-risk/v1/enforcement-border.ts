import { LEVEL_RULES, NOT_YOUNG_CHILD, WEIGHT, fromRegistration, indicators, yesIsRisk, yesNo, type DomainModule } from './build';

const DOMAIN = 'enforcement_border';

export const enforcementBorder: DomainModule = {
  domain: {
    id: DOMAIN,
    label: { en: 'Enforcement and borders', ar: 'إنفاذ القانون والحدود' },
    description: {
      en: 'Blocked routes, pushbacks, detention and extortion at borders push people towards smugglers.',
      ar: 'الطرق المغلقة والإعادة القسرية عند الحدود والاحتجاز والابتزاز تدفع الناس نحو المهرّبين.',
    },
    actions: [
      {
        id: 'safe_legal_pathways_information',
        label: { en: 'Information on safe and legal pathways', ar: 'معلومات عن المسارات الآمنة والقانونية' },
      },
    ],
    levelRules: LEVEL_RULES,
  },
  indicators: indicators(DOMAIN, {
    plans_irregular_border_crossing: { en: 'Plans to cross a border irregularly', ar: 'يخطط لعبور الحدود بطريقة غير نظامية' },
    pushed_back_at_border: { en: 'Pushed back or returned at a border', ar: 'أُعيد قسراً أو صُدّ عند الحدود' },
    detained_while_crossing: { en: 'Detained while crossing', ar: 'احتُجز أثناء العبور' },
    robbed_or_extorted_at_crossing: { en: 'Robbed or extorted at a crossing', ar: 'تعرّض للسرقة أو الابتزاز عند نقطة عبور' },
    in_transit: { en: 'In a transit setting', ar: 'في مكان عبور' },
  }),
  items: [
    yesNo(
      DOMAIN,
      {
        id: 'eb_irregular_border_crossing',
        label: {
          en: 'Will that journey mean crossing a border without official permission?',
          ar: 'هل ستتطلّب تلك الرحلة عبور الحدود دون إذن رسمي؟',
        },
        showIf: { item: 'mms_onward_plans', in: ['yes_within_weeks', 'yes_later'] },
        sensitivity: 'sensitive',
      },
      yesIsRisk('strong', 'plans_irregular_border_crossing', {
        en: 'Irregular border crossings put people in the hands of smugglers, where debts and abuse grow.',
        ar: 'العبور غير النظامي للحدود يضع الناس في أيدي المهرّبين، حيث تتراكم الديون وتزداد الإساءة.',
      }),
    ),
    {
      id: 'eb_times_pushed_back',
      domain: DOMAIN,
      type: 'number',
      label: {
        en: 'How many times have you been pushed back or returned at a border?',
        ar: 'كم مرة أُعِدت قسراً أو صُددت عند الحدود؟',
      },
      showIf: NOT_YOUNG_CHILD,
      sensitivity: 'personal',
      allowPreferNotToAnswer: true,
      integer: true,
      min: 0,
      max: 50,
      bands: [
        {
          min: 1,
          weight: WEIGHT.medium,
          strength: 'medium',
          indicator: 'pushed_back_at_border',
          why: {
            en: 'Each failed crossing adds debt and desperation and pushes people towards more dangerous routes.',
            ar: 'كل محاولة عبور فاشلة تزيد الدَّين واليأس، وتدفع الناس إلى سلوك طرق أكثر خطورة.',
          },
        },
      ],
    },
    yesNo(
      DOMAIN,
      {
        id: 'eb_detained_while_crossing',
        label: { en: 'Were you detained while crossing a border?', ar: 'هل احتُجزت أثناء عبور الحدود؟' },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('medium', 'detained_while_crossing', {
        en: 'People detained at borders often come out owing money, or depending on smugglers to go on.',
        ar: 'كثيراً ما يخرج من احتُجزوا على الحدود وهم مدينون بالمال أو معتمدون على المهرّبين لمواصلة طريقهم.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'eb_robbed_or_extorted',
        label: {
          en: 'Were you robbed, or made to pay bribes or extra money, at a border crossing?',
          ar: 'هل تعرّضت للسرقة أو أُجبرت على دفع رشاوى أو مبالغ إضافية عند نقطة عبور حدودية؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('medium', 'robbed_or_extorted_at_crossing', {
        en: 'Extortion leaves people without money and in debt, which traffickers exploit.',
        ar: 'الابتزاز يترك الناس بلا مال ومثقلين بالديون، وهو ما يستغله المتاجرون.',
      }),
    ),
  ],
  derivedIndicators: [
    fromRegistration('in_transit', 'setting', { fact: 'setting', equals: 'transit' }, 'weak', {
      en: 'People in transit are on the move, far from services and in contact with smugglers.',
      ar: 'الأشخاص في أماكن العبور في حالة تنقّل، بعيدون عن الخدمات، وعلى تواصل مع المهرّبين.',
    }),
  ],
};
