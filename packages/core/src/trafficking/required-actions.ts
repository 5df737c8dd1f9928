import type { TraffickingRequiredAction, TraffickingOutcome } from './outcome';

const PROTECT_ADULT = {
  en: "Immediate protection: check the person's safety today (a safe place to stay, urgent medical needs, distance from the suspected traffickers) and agree a safety plan with them.",
  ar: 'حماية فورية: تحقّق اليوم من سلامة الشخص (مكان آمن للإقامة، الاحتياجات الطبية العاجلة، الابتعاد عن المتاجرين المشتبه بهم) واتفق معه على خطة سلامة.',
};

const PROTECT_CHILD = {
  en: 'Immediate protection: make the child safe today and inform the child-protection focal point; a best-interests assessment follows.',
  ar: 'حماية فورية: تأمين سلامة الطفل اليوم وإبلاغ جهة الاتصال المعنية بحماية الطفل؛ ويلي ذلك تقييم المصالح الفضلى.',
};

const REFERRAL = {
  en: "Offer a referral to an anti-trafficking partner; refer only with informed consent to the referral.",
  ar: 'اعرض الإحالة إلى شريك متخصص في مكافحة الاتجار بالبشر؛ ولا تتم الإحالة إلا بموافقة مستنيرة عليها.',
};

/**
 * A presumed victim needs protection now and the offer of specialised help. The referral
 * is an offer: it shares the person's information, so it waits for referral consent
 * (domain.md §8); two days leaves time to explain it without letting it drift.
 */
export function requiredActionsFor(outcome: TraffickingOutcome, child: boolean): TraffickingRequiredAction[] {
  if (outcome !== 'presumed_victim') return [];
  return [
    { kind: 'immediate_protection', urgency: 'immediate', label: child ? PROTECT_CHILD : PROTECT_ADULT, consentPurpose: null, partnerType: null },
    { kind: 'referral_offer', urgency: 'within_2_days', label: REFERRAL, consentPurpose: 'referral', partnerType: 'anti_trafficking' },
  ];
}
