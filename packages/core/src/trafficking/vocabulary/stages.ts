import type { TraffickingTerm } from './term';

/** The three stages of the trafficking business named in the seed article, in order. */
export type TraffickingStageCode = 'acquisition' | 'movement' | 'exploitation';

export const TRAFFICKING_STAGES: readonly TraffickingTerm<TraffickingStageCode>[] = [
  { code: 'acquisition', label: { en: 'Acquisition', ar: 'الاستقطاب' }, arReview: true },
  { code: 'movement', label: { en: 'Movement', ar: 'النقل' } },
  { code: 'exploitation', label: { en: 'Exploitation', ar: 'الاستغلال' } },
];
