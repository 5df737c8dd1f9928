import { LEVEL_RULES, NO, NOT_YOUNG_CHILD, choice, indicators, riskChoice, singleChoice, yesIsRisk, yesNo, type DomainModule } from './build';

const DOMAIN = 'conflict_insecurity';

export const conflictInsecurity: DomainModule = {
  domain: {
    id: DOMAIN,
    label: { en: 'Conflict and insecurity', ar: 'النزاع وانعدام الأمن' },
    description: {
      en: 'Armed actors, threats and recruitment where the person now lives.',
      ar: 'الجهات المسلحة والتهديدات والتجنيد في المكان الذي يعيش فيه الشخص الآن.',
    },
    actions: [
      { id: 'safety_plan', label: { en: 'Safety plan', ar: 'خطة سلامة' } },
      { id: 'relocation', label: { en: 'Consider relocation', ar: 'النظر في النقل إلى مكان آخر' }, minLevel: 'high' },
      { id: 'protection_referral', label: { en: 'Protection referral', ar: 'إحالة إلى خدمات الحماية' } },
    ],
    levelRules: LEVEL_RULES,
  },
  indicators: indicators(DOMAIN, {
    armed_actors_present: { en: 'Armed actors present where they live', ar: 'وجود جهات مسلحة في مكان سكنه' },
    threatened_or_attacked: { en: 'Threatened or attacked since arrival', ar: 'تعرّض للتهديد أو الاعتداء منذ وصوله' },
    approached_by_armed_group: { en: 'Approached by an armed group', ar: 'تواصلت معه جماعة مسلحة' },
    child_recruited_by_armed_group: {
      en: 'A child approached or recruited by an armed group',
      ar: 'طفل تواصلت معه جماعة مسلحة أو جنّدته',
    },
  }),
  items: [
    yesNo(
      DOMAIN,
      {
        id: 'ci_armed_actors_nearby',
        label: {
          en: 'Are there armed groups or armed men in the area where you live?',
          ar: 'هل توجد جماعات مسلحة أو رجال مسلحون في المنطقة التي تعيش فيها؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('medium', 'armed_actors_present', {
        en: 'Where armed groups operate there is little law to protect people, and abduction and forced recruitment happen.',
        ar: 'حيث تنشط الجماعات المسلحة تقلّ الحماية القانونية، ويحدث الخطف والتجنيد القسري.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'ci_threatened_or_attacked',
        label: {
          en: 'Since you arrived here, has anyone threatened or attacked you or your family?',
          ar: 'منذ وصولك إلى هنا، هل هدّدك أحد أو اعتدى عليك أو على عائلتك؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('strong', 'threatened_or_attacked', {
        en: 'Someone who is not safe where they live may accept any offer to get away, or be coerced by those who threaten them.',
        ar: 'من لا يشعر بالأمان في مكان سكنه قد يقبل أي عرض للابتعاد، أو قد يُكرَه على يد من يهدّده.',
      }),
    ),
    // Asked for every person, young children included: a carer may answer for the child.
    singleChoice(
      DOMAIN,
      {
        id: 'ci_armed_group_approach',
        label: {
          en: 'Has an armed group tried to recruit you or anyone in your household, or has a child in your household joined one?',
          ar: 'هل حاولت جماعة مسلحة تجنيدك أو تجنيد أي فرد من أسرتك، أو هل انضم طفل من أسرتك إلى إحداها؟',
        },
        sensitivity: 'highly_sensitive',
      },
      [
        riskChoice('yes_adult', { en: 'Yes, an adult was approached', ar: 'نعم، تمّ التواصل مع شخص بالغ' }, 'strong', 'approached_by_armed_group', {
          en: 'Forced recruitment is a form of trafficking; being approached means the group already has the person in view.',
          ar: 'التجنيد القسري شكل من أشكال الاتجار بالبشر، والتواصل مع الشخص يعني أن الجماعة وضعته في دائرة اهتمامها.',
        }),
        riskChoice(
          'yes_child',
          { en: 'Yes, a child was approached or has joined', ar: 'نعم، تمّ التواصل مع طفل أو انضم طفل' },
          'strong',
          'child_recruited_by_armed_group',
          {
            en: 'Recruiting a child into an armed group is trafficking whatever the child or family agreed to.',
            ar: 'تجنيد طفل في جماعة مسلحة اتجارٌ بالبشر مهما كانت موافقة الطفل أو عائلته.',
          },
        ),
        choice('no', NO),
      ],
    ),
  ],
  derivedIndicators: [],
};
