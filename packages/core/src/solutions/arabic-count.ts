/**
 * Arabic counted nouns: one and two have their own forms, 3–10 take the plural, 11–99 the
 * singular (accusative), round hundreds and zero the singular. Good enough for queue text;
 * a native speaker should still review the phrasing.
 */
export interface ArabicNoun {
  one: string;
  two: string;
  plural: string;
  accusative: string;
  singular: string;
}

export function arabicCount(n: number, noun: ArabicNoun): string {
  if (n === 1) return noun.one;
  if (n === 2) return noun.two;
  const rest = n % 100;
  if (rest >= 3 && rest <= 10) return `${n} ${noun.plural}`;
  if (rest >= 11 && rest <= 99) return `${n} ${noun.accusative}`;
  return `${n} ${noun.singular}`;
}

export const AR_DAYS: ArabicNoun = { one: 'يوم واحد', two: 'يومان', plural: 'أيام', accusative: 'يوماً', singular: 'يوم' };
export const AR_MONTHS: ArabicNoun = { one: 'شهر واحد', two: 'شهران', plural: 'أشهر', accusative: 'شهراً', singular: 'شهر' };
export const AR_YEARS: ArabicNoun = { one: 'سنة واحدة', two: 'سنتان', plural: 'سنوات', accusative: 'سنة', singular: 'سنة' };
export const AR_CASES: ArabicNoun = { one: 'حالة واحدة', two: 'حالتين', plural: 'حالات', accusative: 'حالة', singular: 'حالة' };
