import type { Condition } from '../../condition';
import { CHILD, LEVEL_RULES, choice, fromRegistration, indicators, noIsRisk, riskChoice, singleChoice, yesIsRisk, yesNo, type DomainModule } from './build';

const DOMAIN = 'children_at_risk';

const aged = (years: number): Condition => ({ all: [{ fact: 'ageYears', gte: years }, CHILD] });

const unstableCareWhy = {
  en: 'Informal carers are not checked, may not be recognised later (a child can be left behind at resettlement), and some exploit the children in their care.',
  ar: 'مقدّمو الرعاية غير الرسميين لا يخضعون لأي تحقق، وقد لا يُعترف بهم لاحقاً (فقد يُترك الطفل عند إعادة التوطين)، وبعضهم يستغل الأطفال الذين يرعونهم.',
};

export const childrenAtRisk: DomainModule = {
  domain: {
    id: DOMAIN,
    label: { en: 'Children at risk', ar: 'الأطفال المعرّضون للخطر' },
    description: {
      en: "Children without their parents' care, out of school, working, or approached by strangers.",
      ar: 'أطفال دون رعاية الوالدين، أو خارج المدرسة، أو يعملون، أو يتواصل معهم غرباء.',
    },
    actions: [
      { id: 'best_interests_assessment', label: { en: 'Best interests assessment (BIA)', ar: 'تقييم المصالح الفضلى للطفل' } },
      { id: 'family_tracing', label: { en: 'Family tracing', ar: 'البحث عن أفراد العائلة' } },
      { id: 'education_referral', label: { en: 'Education referral', ar: 'إحالة إلى التعليم' } },
      { id: 'care_arrangement_review', label: { en: 'Review of the care arrangement', ar: 'مراجعة ترتيبات الرعاية' } },
    ],
    levelRules: LEVEL_RULES,
  },
  indicators: indicators(DOMAIN, {
    informal_or_unstable_care: { en: 'Informal or unstable care arrangement', ar: 'ترتيب رعاية غير رسمي أو غير مستقر' },
    child_without_carer: { en: 'No one looks after the child', ar: 'لا يوجد من يرعى الطفل' },
    out_of_school: { en: 'Out of school', ar: 'خارج المدرسة' },
    child_working: { en: 'The child is working', ar: 'الطفل يعمل' },
    child_approached_with_offers: {
      en: 'Approached with offers of work, travel or marriage',
      ar: 'تلقّى عروضاً للعمل أو السفر أو الزواج',
    },
    separated_child: { en: 'Separated child', ar: 'طفل منفصل عن ذويه' },
    unaccompanied_child: { en: 'Unaccompanied child', ar: 'طفل غير مصحوب' },
    child_headed_household: { en: 'Child-headed household', ar: 'أسرة يعيلها طفل' },
    child_without_birth_registration: { en: 'No birth registration document', ar: 'لا توجد وثيقة تسجيل ولادة' },
  }),
  items: [
    singleChoice(
      DOMAIN,
      {
        id: 'cr_current_carer',
        label: { en: 'Who looks after the child now?', ar: 'من يرعى الطفل حالياً؟' },
        showIf: CHILD,
        sensitivity: 'personal',
      },
      [
        choice('parents', { en: 'One or both parents', ar: 'أحد الوالدين أو كلاهما' }),
        choice('relatives', { en: 'Relatives', ar: 'الأقارب' }),
        choice('foster_family', { en: 'A foster family arranged by an agency', ar: 'أسرة حاضنة رتّبتها جهة مختصة' }),
        riskChoice(
          'informal_carer',
          {
            en: 'Someone else, with no formal arrangement (a neighbour, a friend, someone met on the way)',
            ar: 'شخص آخر دون أي ترتيب رسمي (جار أو صديق أو شخص التقى به في الطريق)',
          },
          'medium',
          'informal_or_unstable_care',
          unstableCareWhy,
        ),
        riskChoice('changes_often', { en: 'It changes often', ar: 'يتغيّر باستمرار' }, 'medium', 'informal_or_unstable_care', {
          en: 'A child moved from carer to carer has no stable adult watching out for them.',
          ar: 'الطفل الذي يُنقل من مقدّم رعاية إلى آخر لا يوجد بالغ ثابت يسهر على حمايته.',
        }),
        riskChoice('no_one', { en: 'No one: the child looks after themself', ar: 'لا أحد: الطفل يعتني بنفسه' }, 'strong', 'child_without_carer', {
          en: 'A child with no carer is among those most exposed to trafficking and needs care arranged now.',
          ar: 'الطفل الذي لا يرعاه أحد من أكثر المعرّضين للاتجار، ويحتاج إلى ترتيب رعاية له فوراً.',
        }),
      ],
    ),
    yesNo(
      DOMAIN,
      {
        id: 'cr_in_school',
        label: { en: 'Does the child go to school or to a learning programme?', ar: 'هل يذهب الطفل إلى المدرسة أو إلى برنامج تعليمي؟' },
        showIf: aged(6),
        sensitivity: 'personal',
      },
      noIsRisk('medium', 'out_of_school', {
        en: 'Children out of school spend their days where recruiters and exploitative employers can reach them.',
        ar: 'الأطفال خارج المدرسة يقضون أيامهم حيث يمكن للمجنِّدين وأصحاب العمل المستغِلين الوصول إليهم.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'cr_child_works',
        label: {
          en: 'Does the child work, paid or unpaid, for anyone outside the family?',
          ar: 'هل يعمل الطفل، بأجر أو دون أجر، لدى أي شخص من خارج العائلة؟',
        },
        showIf: aged(5),
        sensitivity: 'sensitive',
      },
      yesIsRisk('strong', 'child_working', {
        en: 'Child labour is often a step into exploitation, and a working child may be controlled by an employer.',
        ar: 'عمل الأطفال كثيراً ما يكون خطوة نحو الاستغلال، وقد يكون الطفل العامل تحت سيطرة صاحب العمل.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'cr_approached_with_offers',
        label: {
          en: 'Has anyone approached the child with offers of work, travel or marriage?',
          ar: 'هل تواصل أحد مع الطفل وعرض عليه عملاً أو سفراً أو زواجاً؟',
        },
        showIf: aged(5),
        sensitivity: 'sensitive',
      },
      yesIsRisk('strong', 'child_approached_with_offers', {
        en: 'Offers of work, travel or marriage made to a child are a common first step in child trafficking.',
        ar: 'عروض العمل أو السفر أو الزواج المقدَّمة إلى طفل خطوة أولى شائعة في الاتجار بالأطفال.',
      }),
    ),
  ],
  derivedIndicators: [
    fromRegistration('separated_child', 'careSituation', { all: [CHILD, { fact: 'careSituation', equals: 'separated' }] }, 'strong', {
      en: 'Children separated from their parents lack the protection parents give, and traffickers look for them.',
      ar: 'الأطفال المنفصلون عن والديهم يفتقدون الحماية التي يوفّرها الوالدان، ويبحث عنهم المتاجرون.',
    }),
    fromRegistration('unaccompanied_child', 'careSituation', { all: [CHILD, { fact: 'careSituation', equals: 'unaccompanied' }] }, 'strong', {
      en: 'An unaccompanied child has no adult responsible for them and is among those at the highest risk.',
      ar: 'الطفل غير المصحوب لا يوجد بالغ مسؤول عنه، وهو من الأكثر عرضة للخطر.',
    }),
    fromRegistration(
      'child_headed_household',
      'careSituation',
      { all: [CHILD, { fact: 'careSituation', equals: 'child_headed_household' }] },
      'strong',
      {
        en: 'Children heading a household must earn and care for others, which exposes them to exploitative work and offers.',
        ar: 'الأطفال الذين يُعيلون أسرهم مضطرون إلى الكسب ورعاية غيرهم، مما يعرّضهم لأعمال وعروض استغلالية.',
      },
    ),
    fromRegistration(
      'child_without_birth_registration',
      'documents',
      { all: [CHILD, { not: { fact: 'documents', includes: 'birth_certificate' } }] },
      'medium',
      {
        en: 'A child with no birth registration cannot prove their age, so they can be passed off as an adult, married or put to work.',
        ar: 'الطفل غير المسجَّلة ولادته لا يستطيع إثبات عمره، فيمكن تقديمه على أنه بالغ أو تزويجه أو تشغيله.',
      },
    ),
  ],
};
