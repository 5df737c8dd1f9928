import type { SubjectFact } from '../instruments/condition';
import type { Strength } from '../instruments/instrument';
import type { RiskLevel } from '../registration/vocabulary';

/** The fixed words around the instrument's own text. Locales without phrases fall back to English. */
export interface ExplanationPhrases {
  level: Record<RiskLevel, string>;
  strength: Record<Strength, string>;
  fact: Record<SubjectFact, string>;
  yes: string;
  no: string;
  overall: (level: string) => string;
  compounded: (from: string, to: string, domains: number) => string;
  notCompounded: (domains: number) => string;
  override: (why: string) => string;
  domain: (label: string, level: string, score: number) => string;
  fromAnswer: (indicator: string, strength: string, weight: number, answer: string, question: string, why: string) => string;
  fromRecord: (indicator: string, strength: string, weight: number, fact: string, value: string, why: string) => string;
  followUp: (question: string) => string;
  nothingFound: string;
}

const en: ExplanationPhrases = {
  level: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
  strength: { strong: 'strong', medium: 'medium', weak: 'weak' },
  fact: {
    ageYears: 'age',
    sex: 'sex',
    setting: 'setting',
    legalStatus: 'legal status',
    careSituation: 'care situation',
    documents: 'documents',
    householdSize: 'household size',
    isHeadOfHousehold: 'head of household',
    dependantsInHousehold: 'dependants in the household',
    otherAdultsInHousehold: 'other adults in the household',
    yearsSinceArrival: 'years since arrival',
  },
  yes: 'yes',
  no: 'no',
  overall: (level) => `Overall risk level: ${level}.`,
  compounded: (from, to, n) => `Raised from ${from} to ${to} because ${n} areas of risk are at medium or above: risks add up.`,
  notCompounded: (n) => `${n} area(s) of risk at medium or above.`,
  override: (why) => `Critical whatever the score: ${why}`,
  domain: (label, level, score) => `${label}: ${level} (score ${score}).`,
  fromAnswer: (indicator, strength, weight, answer, question, why) =>
    `• ${indicator} (${strength}, weight ${weight}): answered "${answer}" to "${question}" Why it matters: ${why}`,
  fromRecord: (indicator, strength, weight, fact, value, why) =>
    `• ${indicator} (${strength}, weight ${weight}): from the registration record (${fact}: ${value}). Why it matters: ${why}`,
  followUp: (question) => `Not answered, to follow up: "${question}"`,
  nothingFound: 'No risk indicator was found.',
};

const ar: ExplanationPhrases = {
  level: { low: 'منخفض', medium: 'متوسط', high: 'مرتفع', critical: 'حرج' },
  strength: { strong: 'قوي', medium: 'متوسط', weak: 'ضعيف' },
  fact: {
    ageYears: 'العمر',
    sex: 'الجنس',
    setting: 'مكان الإقامة',
    legalStatus: 'الوضع القانوني',
    careSituation: 'وضع الرعاية',
    documents: 'الوثائق',
    householdSize: 'عدد أفراد الأسرة',
    isHeadOfHousehold: 'ربّ أو ربّة الأسرة',
    dependantsInHousehold: 'المُعالون في الأسرة',
    otherAdultsInHousehold: 'البالغون الآخرون في الأسرة',
    yearsSinceArrival: 'السنوات منذ الوصول',
  },
  yes: 'نعم',
  no: 'لا',
  overall: (level) => `مستوى الخطر العام: ${level}.`,
  compounded: (from, to, n) =>
    `رُفع المستوى من ${from} إلى ${to} لأن ${n} من مجالات الخطر في المستوى المتوسط أو أعلى: المخاطر تتراكم.`,
  notCompounded: (n) => `عدد مجالات الخطر في المستوى المتوسط أو أعلى: ${n}.`,
  override: (why) => `حرج مهما كانت النتيجة: ${why}`,
  domain: (label, level, score) => `${label}: ${level} (النقاط ${score}).`,
  fromAnswer: (indicator, strength, weight, answer, question, why) =>
    `• ${indicator} (${strength}، الوزن ${weight}): كانت الإجابة «${answer}» على السؤال «${question}» لماذا يهم ذلك: ${why}`,
  fromRecord: (indicator, strength, weight, fact, value, why) =>
    `• ${indicator} (${strength}، الوزن ${weight}): من سجل التسجيل (${fact}: ${value}). لماذا يهم ذلك: ${why}`,
  followUp: (question) => `لم تتم الإجابة، تحتاج إلى متابعة: «${question}»`,
  nothingFound: 'لم يُعثر على أي مؤشر خطر.',
};

const PHRASES: Record<string, ExplanationPhrases> = { en, ar };

export function phrasesFor(locale: string): ExplanationPhrases {
  return PHRASES[locale] ?? en;
}
