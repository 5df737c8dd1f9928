import type { RiskLevel } from '../registration/vocabulary';
import { AR_CASES, AR_DAYS, AR_MONTHS, arabicCount } from './arabic-count';
import type { QueueFactor, QueuePositionReasons } from './queue';
import type { ResettlementPriority } from './vocabulary';

export interface QueueExplanation {
  en: string;
  ar: string;
}

export interface PositionFacts {
  position: number;
  total: number;
  priority: ResettlementPriority;
  risk: RiskLevel;
  waitingDays: number;
  waitingMonths: number;
  /** Days the next entry has waited, for "waiting longer (x against y)". */
  nextWaitingDays: number | null;
  reasons: QueuePositionReasons;
}

const PRIORITY_AR: Record<ResettlementPriority, string> = { emergency: 'طارئة', urgent: 'عاجلة', normal: 'عادية' };
const RISK_AR: Record<RiskLevel, string> = { critical: 'حرج', high: 'مرتفع', medium: 'متوسط', low: 'منخفض' };

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

function waitingEn(days: number, months: number): string {
  return months >= 1 ? `waiting ${plural(months, 'month', 'months')}` : `waiting ${plural(days, 'day', 'days')}`;
}

function waitingAr(days: number, months: number): string {
  return `في الانتظار منذ ${months >= 1 ? arabicCount(months, AR_MONTHS) : arabicCount(days, AR_DAYS)}`;
}

function nextEn(factor: QueueFactor | null, days: number, nextDays: number | null): string {
  switch (factor) {
    case null:
      return 'Last in the queue.';
    case 'priority':
      return 'Ahead of the next case because its priority is higher.';
    case 'risk':
      return 'Ahead of the next case (same priority) because its risk is higher.';
    case 'waiting':
      return `Ahead of the next case (same priority and risk) because it has waited longer (${days} days against ${nextDays ?? 0}).`;
    case 'case_id':
      return 'Same priority, risk and waiting time as the next case: ordered by case id.';
  }
}

function nextAr(factor: QueueFactor | null, days: number, nextDays: number | null): string {
  switch (factor) {
    case null:
      return 'الأخيرة في قائمة الانتظار.';
    case 'priority':
      return 'تتقدّم على الحالة التالية لأن أولويتها أعلى.';
    case 'risk':
      return 'تتقدّم على الحالة التالية (الأولوية نفسها) لأن خطرها أعلى.';
    case 'waiting':
      return `تتقدّم على الحالة التالية (الأولوية والخطر نفسهما) لأنها انتظرت مدة أطول (${arabicCount(days, AR_DAYS)} مقابل ${nextDays ?? 0}).`;
    case 'case_id':
      return 'الأولوية والخطر ومدة الانتظار مماثلة للحالة التالية: الترتيب حسب رقم الحالة.';
  }
}

/**
 * Plain-words position, English and Arabic: the entry's own keys, what separates it from
 * the next case (the deciding factor), and the cases it passes or that pass it because an
 * earlier key wins over a later one.
 */
export function explainPosition(f: PositionFacts): QueueExplanation {
  const r = f.reasons;
  const en: string[] = [
    `Position ${f.position} of ${f.total}: ${f.priority} priority; ${f.risk} risk; ${waitingEn(f.waitingDays, f.waitingMonths)}.`,
    nextEn(r.aheadOfNextBecause, f.waitingDays, f.nextWaitingDays),
  ];
  const ar: string[] = [
    `المرتبة ${f.position} من ${f.total}: أولوية ${PRIORITY_AR[f.priority]}؛ خطر ${RISK_AR[f.risk]}؛ ${waitingAr(f.waitingDays, f.waitingMonths)}.`,
    nextAr(r.aheadOfNextBecause, f.waitingDays, f.nextWaitingDays),
  ];
  if (r.aheadOfHigherRisk > 0) {
    en.push(`Ahead of ${plural(r.aheadOfHigherRisk, 'lower-priority case', 'lower-priority cases')} with higher risk because priority comes first.`);
    ar.push(`تتقدّم على ${arabicCount(r.aheadOfHigherRisk, AR_CASES)} ذات أولوية أدنى وخطر أعلى، لأن الأولوية تأتي أولاً.`);
  }
  if (r.behindLowerRisk > 0) {
    en.push(`Behind ${plural(r.behindLowerRisk, 'higher-priority case', 'higher-priority cases')} with lower risk because priority comes first.`);
    ar.push(`تأتي بعد ${arabicCount(r.behindLowerRisk, AR_CASES)} ذات أولوية أعلى وخطر أدنى، لأن الأولوية تأتي أولاً.`);
  }
  if (r.aheadOfLongerWaiting > 0) {
    en.push(`Ahead of ${plural(r.aheadOfLongerWaiting, 'lower-risk case', 'lower-risk cases')} of the same priority that waited longer, because risk comes before waiting time.`);
    ar.push(`تتقدّم على ${arabicCount(r.aheadOfLongerWaiting, AR_CASES)} بالأولوية نفسها وخطر أدنى انتظرت مدة أطول، لأن الخطر يسبق مدة الانتظار.`);
  }
  if (r.behindShorterWaiting > 0) {
    en.push(`Behind ${plural(r.behindShorterWaiting, 'higher-risk case', 'higher-risk cases')} of the same priority that waited less, because risk comes before waiting time.`);
    ar.push(`تأتي بعد ${arabicCount(r.behindShorterWaiting, AR_CASES)} بالأولوية نفسها وخطر أعلى انتظرت مدة أقصر، لأن الخطر يسبق مدة الانتظار.`);
  }
  if (r.tied > 0) {
    en.push(`Same priority, risk and days waiting as ${plural(r.tied, 'other case', 'other cases')}: ordered by case id.`);
    ar.push(`الأولوية والخطر وأيام الانتظار مماثلة لـ${arabicCount(r.tied, AR_CASES)} أخرى: الترتيب حسب رقم الحالة.`);
  }
  return { en: en.join(' '), ar: ar.join(' ') };
}
