import { LEVEL_RULES, NOT_YOUNG_CHILD, fromRegistration, indicators, noIsRisk, yesNo, type DomainModule } from './build';

const DOMAIN = 'urban_unregistered';

export const urbanUnregistered: DomainModule = {
  domain: {
    id: DOMAIN,
    label: { en: 'Urban and unregistered', ar: 'العيش في المدن ودون تسجيل' },
    description: {
      en: 'Living outside camps, unknown to services, without documents or the local language.',
      ar: 'العيش خارج المخيمات بعيداً عن أعين الخدمات، دون وثائق أو دون إتقان اللغة المحلية.',
    },
    actions: [
      { id: 'registration_or_legal_aid_referral', label: { en: 'Referral for registration or legal aid', ar: 'إحالة للتسجيل أو للمساعدة القانونية' } },
      { id: 'services_information_in_own_language', label: { en: 'Information on services in their language', ar: 'معلومات عن الخدمات بلغته' } },
    ],
    levelRules: LEVEL_RULES,
  },
  indicators: indicators(DOMAIN, {
    does_not_know_where_to_get_help: { en: 'Does not know where to get help', ar: 'لا يعرف أين يطلب المساعدة' },
    no_identity_documents: { en: 'No identity documents', ar: 'لا يملك وثائق هوية' },
    does_not_speak_local_language: { en: 'Does not speak the local language', ar: 'لا يتحدث اللغة المحلية' },
    lives_in_urban_area: { en: 'Lives in an urban area', ar: 'يعيش في منطقة حضرية' },
    not_registered: { en: 'Not registered', ar: 'غير مسجَّل' },
  }),
  items: [
    yesNo(
      DOMAIN,
      {
        id: 'uu_knows_where_to_get_help',
        label: {
          en: 'If something went wrong (you were cheated, threatened or hurt), would you know where to go for help?',
          ar: 'إذا حدث لك مكروه، كأن تتعرّض للاحتيال أو التهديد أو الأذى، هل تعرف إلى أين تذهب لطلب المساعدة؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'personal',
      },
      noIsRisk('medium', 'does_not_know_where_to_get_help', {
        en: 'People who do not know where to turn are easier to isolate and exploit.',
        ar: 'من لا يعرف إلى من يلجأ يسهل عزله واستغلاله.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'uu_has_identity_document',
        label: {
          en: 'Do you have an identity document with you now, from your country or from here?',
          ar: 'هل لديك الآن وثيقة هوية، من بلدك أو من هنا؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'personal',
      },
      noIsRisk('medium', 'no_identity_documents', {
        en: 'Without documents a person cannot prove who they are, rent safely or work legally, and fears the authorities.',
        ar: 'من دون وثائق لا يستطيع الشخص إثبات هويته أو السكن بأمان أو العمل بشكل قانوني، ويخشى السلطات.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'uu_speaks_local_language',
        label: {
          en: 'Can you speak the local language well enough to deal with employers, landlords or officials?',
          ar: 'هل تتحدث اللغة المحلية بما يكفي للتعامل مع أصحاب العمل أو أصحاب المساكن أو الموظفين الرسميين؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'personal',
      },
      noIsRisk('weak', 'does_not_speak_local_language', {
        en: 'Not speaking the language makes people depend on go-betweens who may deceive them.',
        ar: 'عدم إتقان اللغة يجعل الشخص معتمداً على وسطاء قد يخدعونه.',
      }),
    ),
  ],
  derivedIndicators: [
    fromRegistration('lives_in_urban_area', 'setting', { fact: 'setting', equals: 'urban' }, 'weak', {
      en: 'Refugees in cities are harder for services to find and deal with unfamiliar employers alone.',
      ar: 'يصعب على الخدمات الوصول إلى اللاجئين في المدن، وهم يتعاملون وحدهم مع أصحاب عمل لا يعرفونهم.',
    }),
    fromRegistration('not_registered', 'legalStatus', { fact: 'legalStatus', equals: 'unregistered' }, 'medium', {
      en: 'Unregistered people are invisible to protection services and can be threatened with the authorities.',
      ar: 'غير المسجَّلين غير مرئيين لخدمات الحماية، ويمكن تهديدهم بإبلاغ السلطات عنهم.',
    }),
  ],
};
