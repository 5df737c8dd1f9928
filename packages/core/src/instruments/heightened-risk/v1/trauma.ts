import { LEVEL_RULES, NOT_YOUNG_CHILD, indicators, yesIsRisk, yesNo, type DomainModule } from './build';

const DOMAIN = 'trauma';

export const trauma: DomainModule = {
  domain: {
    id: DOMAIN,
    label: { en: 'Trauma', ar: 'الصدمة النفسية' },
    description: {
      en: 'Experiences and distress that lower self-protection and raise risk-taking.',
      ar: 'تجارب وضيق نفسي يُضعفان القدرة على حماية النفس ويزيدان الإقدام على المخاطر.',
    },
    actions: [{ id: 'psychosocial_support', label: { en: 'Psychosocial support', ar: 'دعم نفسي واجتماعي' } }],
    levelRules: LEVEL_RULES,
  },
  indicators: indicators(DOMAIN, {
    experienced_grave_violence: {
      en: 'Experienced or witnessed torture or grave violence',
      ar: 'تعرّض للتعذيب أو لعنف جسيم أو شهده',
    },
    severe_distress: { en: 'Severe distress that affects daily life', ar: 'ضيق نفسي شديد يؤثر في الحياة اليومية' },
    coping_through_substances: { en: 'Coping through alcohol or drugs', ar: 'التأقلم من خلال الكحول أو المخدرات' },
    increased_risk_taking: { en: 'Taking risks they would once have avoided', ar: 'الإقدام على مخاطر كان يتجنبها سابقاً' },
  }),
  items: [
    yesNo(
      DOMAIN,
      {
        id: 'tr_grave_violence',
        label: {
          en: 'Have you experienced or seen torture or other serious violence?',
          ar: 'هل تعرّضت للتعذيب أو لعنف جسيم آخر، أو شهدت ذلك؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('medium', 'experienced_grave_violence', {
        en: "Trauma from torture or grave violence weakens a person's ability to judge danger and protect themself.",
        ar: 'الصدمة الناتجة عن التعذيب أو العنف الجسيم تُضعف قدرة الشخص على تقدير الخطر وحماية نفسه.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'tr_severe_distress',
        label: {
          en: 'Do feelings of fear, sadness or worry make it hard for you to get through the day?',
          ar: 'هل تجعل مشاعر الخوف أو الحزن أو القلق من الصعب عليك تدبّر يومك؟',
        },
        help: {
          en: 'A validated brief screen, such as the Refugee Health Screener, can be offered as a separate instrument.',
          ar: 'يمكن تقديم أداة فحص قصيرة معتمدة، مثل أداة فحص صحة اللاجئين، كأداة منفصلة.',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('medium', 'severe_distress', {
        en: 'Severe distress makes it harder to weigh offers carefully or to ask for help.',
        ar: 'الضيق النفسي الشديد يجعل التأني في تقييم العروض أو طلب المساعدة أكثر صعوبة.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'tr_alcohol_or_drugs',
        label: { en: 'Do you use alcohol or drugs to cope?', ar: 'هل تلجأ إلى الكحول أو المخدرات للتأقلم؟' },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('medium', 'coping_through_substances', {
        en: 'Exploiters can use dependence on alcohol or drugs to control a person.',
        ar: 'قد يستغل المستغِلّون الاعتماد على الكحول أو المخدرات للسيطرة على الشخص.',
      }),
    ),
    yesNo(
      DOMAIN,
      {
        id: 'tr_risk_taking',
        label: {
          en: 'Do you find yourself taking risks you would have avoided before?',
          ar: 'هل تجد نفسك تُقدِم على مخاطر كنت ستتجنبها في السابق؟',
        },
        showIf: NOT_YOUNG_CHILD,
        sensitivity: 'sensitive',
      },
      yesIsRisk('medium', 'increased_risk_taking', {
        en: 'Trauma raises risk-taking, including accepting dangerous offers of work or travel.',
        ar: 'الصدمة تزيد من الإقدام على المخاطر، بما في ذلك قبول عروض خطرة للعمل أو السفر.',
      }),
    ),
  ],
  derivedIndicators: [],
};
