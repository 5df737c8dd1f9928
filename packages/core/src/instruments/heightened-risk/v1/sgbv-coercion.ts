import type { Condition } from '../../condition';
import { LEVEL_RULES, NO, NOT_YOUNG_CHILD, choice, indicators, noIsRisk, riskChoice, singleChoice, yesIsRisk, yesNo, type DomainModule } from './build';

const DOMAIN = 'sgbv_coercion';

// Follow-up questions about "what happened" are only asked after a disclosure.
const DISCLOSED_SEXUAL_VIOLENCE: Condition = {
  item: 'sg_sexual_violence',
  in: ['yes_last_72_hours', 'yes_earlier'],
};

const ASK_IN_PRIVATE = {
  en: 'Ask only in private, after explaining why you ask and that the person can skip this question.',
  ar: 'اطرح هذا السؤال على انفراد فقط، بعد شرح سبب طرحه وأنه يمكن للشخص تخطّيه.',
};

export const sgbvCoercion: DomainModule = {
  domain: {
    id: DOMAIN,
    label: { en: 'Sexual violence and coercion', ar: 'العنف الجنسي والإكراه' },
    description: {
      en: 'Sexual violence, survival sex and coercion by people with power, and what follows.',
      ar: 'العنف الجنسي، والجنس مقابل البقاء، والإكراه من أصحاب السلطة، وما يترتب على ذلك.',
    },
    actions: [
      {
        id: 'gbv_case_management',
        label: {
          en: 'GBV case management (survivor-centred, with consent)',
          ar: 'إدارة حالة العنف القائم على النوع الاجتماعي (محورها الناجي/ة وبموافقته/ا)',
        },
      },
      { id: 'medical_care', label: { en: 'Medical care', ar: 'رعاية طبية' } },
      { id: 'psychosocial_support', label: { en: 'Psychosocial support', ar: 'دعم نفسي واجتماعي' } },
    ],
    levelRules: LEVEL_RULES,
  },
  indicators: indicators(DOMAIN, {
    experienced_sexual_violence: { en: 'Experienced sexual violence', ar: 'تعرّض/ت لعنف جنسي' },
    exchanged_sex_for_survival: {
      en: 'Exchanged sex for money, food, shelter, passage or protection',
      ar: 'اضطر/ت إلى ممارسة الجنس مقابل المال أو الطعام أو المأوى أو العبور أو الحماية',
    },
    coerced_by_person_with_power: { en: 'Coerced by someone with power over them', ar: 'تعرّض/ت للإكراه من شخص له سلطة عليه/ا' },
    shunned_or_threatened_after_violence: {
      en: 'Shunned or threatened by family or community after violence',
      ar: 'نبذته/ا العائلة أو المجتمع أو هدّداه/ا بعد العنف',
    },
    survivor_without_support: { en: 'Survivor without support so far', ar: 'ناجٍ/ناجية لم يتلقَّ أي دعم حتى الآن' },
  }),
  items: [
    singleChoice(
      DOMAIN,
      {
        id: 'sg_sexual_violence',
        label: { en: 'Has anyone forced or pressured you into any sexual act?', ar: 'هل أجبرك أحد أو ضغط عليك للقيام بأي فعل جنسي؟' },
        help: ASK_IN_PRIVATE,
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'highly_sensitive',
      },
      [
        riskChoice('yes_last_72_hours', { en: 'Yes, in the last 3 days', ar: 'نعم، خلال الأيام الثلاثة الماضية' }, 'strong', 'experienced_sexual_violence', {
          en: 'Sexual violence harms deeply and is used to control people; within 72 hours, urgent medical care can still prevent HIV and pregnancy.',
          ar: 'العنف الجنسي يُلحق أذى عميقاً ويُستخدم للسيطرة على الناس، وخلال 72 ساعة ما زال بإمكان الرعاية الطبية العاجلة الوقاية من فيروس نقص المناعة البشرية والحمل.',
        }),
        riskChoice('yes_earlier', { en: 'Yes, before that', ar: 'نعم، قبل ذلك' }, 'strong', 'experienced_sexual_violence', {
          en: 'Survivors of sexual violence are often targeted again, by traffickers among others.',
          ar: 'كثيراً ما يُستهدف الناجون من العنف الجنسي مرة أخرى، ومن بين من يستهدفهم المتاجرون بالبشر.',
        }),
        choice('no', NO),
      ],
    ),
    yesNo(
      DOMAIN,
      {
        id: 'sg_exchanged_sex',
        label: {
          en: 'Have you ever had to exchange sex for money, food, shelter, passage or protection?',
          ar: 'هل اضطررت يوماً إلى ممارسة الجنس مقابل المال أو الطعام أو المأوى أو العبور أو الحماية؟',
        },
        help: ASK_IN_PRIVATE,
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'highly_sensitive',
      },
      yesIsRisk('strong', 'exchanged_sex_for_survival', {
        en: 'Survival sex is often the first step into sexual exploitation controlled by others.',
        ar: 'الجنس مقابل البقاء كثيراً ما يكون الخطوة الأولى نحو استغلال جنسي يتحكم فيه آخرون.',
      }),
    ),
    singleChoice(
      DOMAIN,
      {
        id: 'sg_coerced_by_person_with_power',
        label: {
          en: 'Is anyone with power over you (an employer, a landlord, an official, a smuggler or a family member) forcing you into sex or into things you do not want to do?',
          ar: 'هل يجبرك أي شخص له سلطة عليك، كصاحب عمل أو مالك سكن أو موظف رسمي أو مهرّب أو أحد أفراد العائلة، على ممارسة الجنس أو على أمور لا تريد القيام بها؟',
        },
        help: ASK_IN_PRIVATE,
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'highly_sensitive',
      },
      [
        riskChoice('yes_now', { en: 'Yes, now', ar: 'نعم، حالياً' }, 'strong', 'coerced_by_person_with_power', {
          en: 'Someone under this kind of control now may already be being trafficked.',
          ar: 'من يخضع لهذا النوع من السيطرة حالياً قد يكون ضحية اتجار بالفعل.',
        }),
        riskChoice('yes_in_the_past', { en: 'Yes, in the past', ar: 'نعم، في الماضي' }, 'strong', 'coerced_by_person_with_power', {
          en: 'Coercion by someone with power is a means traffickers use, and it can start again.',
          ar: 'الإكراه من شخص صاحب سلطة وسيلة يستخدمها المتاجرون، وقد يتكرر.',
        }),
        choice('no', NO),
      ],
    ),
    yesNo(
      DOMAIN,
      {
        id: 'sg_shunned_or_threatened',
        label: {
          en: 'After what happened, has your family or community rejected you or threatened you?',
          ar: 'بعد ما حدث، هل نبذتك عائلتك أو مجتمعك أو هدّدوك؟',
        },
        showIf: DISCLOSED_SEXUAL_VIOLENCE,
        sensitivity: 'highly_sensitive',
      },
      yesIsRisk('strong', 'shunned_or_threatened_after_violence', {
        en: "Survivors pushed out by their family or threatened in the name of 'honour' are left alone and easy to exploit.",
        ar: 'الناجون الذين تنبذهم عائلاتهم أو يُهدَّدون باسم «الشرف» يُتركون وحيدين ويسهل استغلالهم.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'sg_received_support',
        label: {
          en: 'Since then, have you received any help, such as medical care, counselling or support from a caseworker?',
          ar: 'منذ ذلك الحين، هل تلقّيت أي مساعدة، مثل الرعاية الطبية أو الإرشاد النفسي أو الدعم من مسؤول حالة؟',
        },
        showIf: DISCLOSED_SEXUAL_VIOLENCE,
        sensitivity: 'highly_sensitive',
      },
      noIsRisk('medium', 'survivor_without_support', {
        en: 'Without support, the harm and isolation that follow violence leave a survivor more open to exploitation.',
        ar: 'من دون دعم، يجعل الأذى والعزلة اللذان يعقبان العنف الناجي أكثر عرضة للاستغلال.',
      }),
    ),
  ],
  derivedIndicators: [],
};
