import { LEVEL_RULES, NOT_CHILD, NOT_YOUNG_CHILD, choice, fromRegistration, indicators, multipleChoice, noIsRisk, riskChoice, yesIsRisk, yesNo, type DomainModule } from './build';

const DOMAIN = 'legal_protection';

export const legalProtection: DomainModule = {
  domain: {
    id: DOMAIN,
    label: { en: 'Legal protection', ar: 'الحماية القانونية' },
    description: {
      en: 'No legal status, fear of return, arrest or deportation, no right to work.',
      ar: 'غياب الوضع القانوني، والخوف من الإعادة أو الاعتقال أو الترحيل، وعدم الحق في العمل.',
    },
    actions: [
      { id: 'legal_aid', label: { en: 'Legal aid', ar: 'مساعدة قانونية' } },
      { id: 'registration', label: { en: 'Registration', ar: 'التسجيل' } },
      { id: 'detention_monitoring', label: { en: 'Detention monitoring', ar: 'رصد أوضاع الاحتجاز' }, minLevel: 'high' },
    ],
    levelRules: LEVEL_RULES,
  },
  indicators: indicators(DOMAIN, {
    fears_return: { en: 'Fears return to country of origin', ar: 'يخشى العودة إلى بلده الأصلي' },
    risk_of_arrest_or_deportation: {
      en: 'At risk of arrest, detention or deportation',
      ar: 'معرّض لخطر الاعتقال أو الاحتجاز أو الترحيل',
    },
    no_right_to_work: { en: 'No right to work', ar: 'لا يحق له العمل' },
    documents_expired_or_confiscated: { en: 'Documents expired or confiscated', ar: 'وثائق منتهية الصلاحية أو مصادَرة' },
    documents_held_by_another_person: { en: 'Documents held by another person', ar: 'وثائق يحتفظ بها شخص آخر' },
    precarious_legal_status: {
      en: 'Unregistered, irregular or stateless',
      ar: 'غير مسجَّل أو في وضع غير نظامي أو عديم الجنسية',
    },
    detained: { en: 'Detained', ar: 'محتجز' },
    held_in_detention_facility: { en: 'Lives in a detention facility', ar: 'يقيم في مرفق احتجاز' },
  }),
  items: [
    yesNo(
      DOMAIN,
      {
        id: 'lp_fears_return',
        label: {
          en: 'Are you afraid of what would happen to you if you were sent back to your country?',
          ar: 'هل تخاف مما قد يحدث لك إذا أُعِدت إلى بلدك؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('strong', 'fears_return', {
        en: 'Fear of being sent back makes people avoid the authorities and put up with exploitation rather than risk return.',
        ar: 'الخوف من الإعادة يجعل الناس يتجنبون السلطات ويتحمّلون الاستغلال بدلاً من المخاطرة بالعودة.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'lp_arrest_risk',
        label: {
          en: 'Are you at risk of being arrested, detained or deported here?',
          ar: 'هل أنت معرّض لخطر الاعتقال أو الاحتجاز أو الترحيل هنا؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('strong', 'risk_of_arrest_or_deportation', {
        en: 'Exploiters use the threat of reporting a person to the police to keep them working and silent.',
        ar: 'يستخدم المستغِلّون التهديد بإبلاغ الشرطة لإبقاء الشخص يعمل وصامتاً.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'lp_allowed_to_work',
        label: { en: 'Are you allowed to work legally in this country?', ar: 'هل يُسمح لك بالعمل بشكل قانوني في هذا البلد؟' },
        showIf: NOT_CHILD,
        sensitivity: 'personal',
      },
      noIsRisk('medium', 'no_right_to_work', {
        en: 'Without the right to work, the only jobs are informal ones where abuse goes unpunished.',
        ar: 'من دون الحق في العمل، لا يبقى إلا العمل غير الرسمي حيث تمرّ الإساءة دون عقاب.',
      }),
    ),
    multipleChoice(
      DOMAIN,
      {
        id: 'lp_document_problems',
        label: { en: 'Has any of this happened to your documents?', ar: 'هل حدث أيٌّ مما يلي لوثائقك؟' },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      [
        riskChoice('expired', { en: 'They have expired', ar: 'انتهت صلاحيتها' }, 'medium', 'documents_expired_or_confiscated', {
          en: 'Expired papers leave a person without legal protection and afraid of checks.',
          ar: 'الوثائق المنتهية الصلاحية تترك الشخص دون حماية قانونية وخائفاً من التفتيش.',
        }),
        riskChoice(
          'confiscated_by_authorities',
          { en: 'The authorities took them', ar: 'صادرتها السلطات' },
          'medium',
          'documents_expired_or_confiscated',
          {
            en: 'Without papers a person cannot move, work or seek help freely.',
            ar: 'من دون أوراق لا يستطيع الشخص التنقل أو العمل أو طلب المساعدة بحرية.',
          },
        ),
        riskChoice(
          'held_by_another_person',
          { en: 'Someone else (not the authorities) keeps them', ar: 'يحتفظ بها شخص آخر (ليس السلطات)' },
          'strong',
          'documents_held_by_another_person',
          {
            en: "Whoever holds a person's documents can control where they go and whom they work for.",
            ar: 'من يحتفظ بوثائق شخص ما يستطيع التحكم في تنقلاته وفي الجهة التي يعمل لديها.',
          },
        ),
        choice('none', { en: 'None of these', ar: 'لا شيء مما سبق' }),
      ],
    ),
  ],
  derivedIndicators: [
    fromRegistration(
      'precarious_legal_status',
      'legalStatus',
      { fact: 'legalStatus', in: ['unregistered', 'irregular_migrant', 'stateless'] },
      'medium',
      {
        en: 'Without a secure legal status a person has no protection against arrest or exploitation and cannot complain.',
        ar: 'من دون وضع قانوني آمن لا يتمتع الشخص بحماية من الاعتقال أو الاستغلال ولا يستطيع تقديم شكوى.',
      },
    ),
    fromRegistration('detained', 'legalStatus', { fact: 'legalStatus', equals: 'detained' }, 'strong', {
      en: 'People in detention depend on others for everything, and traffickers recruit in and around detention.',
      ar: 'المحتجزون يعتمدون على غيرهم في كل شيء، والمتاجرون يجنّدون داخل أماكن الاحتجاز وحولها.',
    }),
    fromRegistration(
      'held_in_detention_facility',
      'setting',
      { all: [{ fact: 'setting', equals: 'detention' }, { not: { fact: 'legalStatus', equals: 'detained' } }] },
      'strong',
      {
        en: 'People in detention depend on others for everything, and traffickers recruit in and around detention.',
        ar: 'المحتجزون يعتمدون على غيرهم في كل شيء، والمتاجرون يجنّدون داخل أماكن الاحتجاز وحولها.',
      },
    ),
  ],
};
