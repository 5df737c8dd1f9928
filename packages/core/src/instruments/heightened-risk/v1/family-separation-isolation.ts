import { LEVEL_RULES, NOT_YOUNG_CHILD, fromRegistration, indicators, noIsRisk, yesIsRisk, yesNo, type DomainModule } from './build';

const DOMAIN = 'family_separation_isolation';

export const familySeparationIsolation: DomainModule = {
  domain: {
    id: DOMAIN,
    label: { en: 'Family separation and isolation', ar: 'تفرّق العائلة والعزلة' },
    description: {
      en: 'Separated from family, not knowing where they are, with no one to rely on.',
      ar: 'الانفصال عن العائلة، وعدم معرفة أماكن أفرادها، وعدم وجود من يُعتمد عليه.',
    },
    actions: [
      { id: 'family_tracing', label: { en: 'Family tracing', ar: 'البحث عن أفراد العائلة' } },
      { id: 'community_support_groups', label: { en: 'Community support groups', ar: 'مجموعات الدعم المجتمعي' } },
    ],
    levelRules: LEVEL_RULES,
  },
  indicators: indicators(DOMAIN, {
    separated_from_close_family: { en: 'Separated from close family', ar: 'منفصل عن أفراد عائلته المقرّبين' },
    family_whereabouts_unknown: { en: 'Does not know where their family is', ar: 'لا يعرف أماكن وجود أفراد عائلته' },
    no_one_to_rely_on: { en: 'No one locally to rely on', ar: 'لا يوجد من يعتمد عليه في مكان إقامته' },
    rarely_leaves_home: { en: 'Rarely leaves home, no community contact', ar: 'نادراً ما يغادر المنزل، ولا تواصل له مع المجتمع' },
    lives_alone: { en: 'Lives alone (household of one)', ar: 'يعيش بمفرده (أسرة من فرد واحد)' },
  }),
  items: [
    yesNo(
      DOMAIN,
      {
        id: 'fs_separated_from_family',
        label: {
          en: 'Are you separated from any close family member, such as a husband or wife, a parent or a child?',
          ar: 'هل أنت منفصل عن أي فرد من عائلتك المقرّبة، مثل الزوج أو الزوجة أو أحد الوالدين أو أحد الأبناء؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'personal',
      },
      yesIsRisk('medium', 'separated_from_close_family', {
        en: 'Family is the first protection; people cut off from it are easier to deceive and isolate.',
        ar: 'العائلة هي خط الحماية الأول، ومن ينقطع عنها يسهل خداعه وعزله.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'fs_knows_where_family_is',
        label: { en: 'Do you know where they are now?', ar: 'هل تعرف أين هم الآن؟' },
        showIf: { item: 'fs_separated_from_family', equals: 'yes' },
        sensitivity: 'personal',
      },
      noIsRisk('medium', 'family_whereabouts_unknown', {
        en: 'Not knowing where family is makes people accept help from anyone who promises to find or reach them.',
        ar: 'عدم معرفة مكان العائلة يدفع الناس إلى قبول المساعدة من أي شخص يَعِد بإيجادهم أو إيصالهم إليهم.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'fs_has_someone_to_rely_on',
        label: {
          en: 'Is there anyone here (family, friends or neighbours) you can rely on for help?',
          ar: 'هل يوجد أحد هنا، من العائلة أو الأصدقاء أو الجيران، يمكنك الاعتماد عليه للمساعدة؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'personal',
      },
      noIsRisk('medium', 'no_one_to_rely_on', {
        en: 'People with no local support have no one to check an offer with or to notice if they disappear.',
        ar: 'من لا يجد سنداً محلياً لا يجد من يستشيره في عرض ما أو من يلاحظ اختفاءه.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'fs_rarely_leaves_home',
        label: {
          en: 'Do you rarely leave your home, or have almost no contact with people from your community?',
          ar: 'هل نادراً ما تغادر منزلك، أو ليس لديك تقريباً أي تواصل مع أبناء مجتمعك؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'personal',
      },
      yesIsRisk('medium', 'rarely_leaves_home', {
        en: 'Isolation is an ILO indicator of forced labour, and it hides abuse from others.',
        ar: 'العزلة من مؤشرات العمل القسري لدى منظمة العمل الدولية، وهي تُخفي الإساءة عن الآخرين.',
      }),
    ),
  ],
  derivedIndicators: [
    fromRegistration('lives_alone', 'householdSize', { fact: 'householdSize', equals: 1 }, 'weak', {
      en: 'Living alone means no one at home notices if something goes wrong.',
      ar: 'العيش بمفرده يعني أنه لا يوجد في المنزل من يلاحظ إن حدث خطب ما.',
    }),
  ],
};
