/**
 * One entry of a trafficking vocabulary: a stable code, an English and an Arabic label.
 * `arReview` marks an Arabic label that a native speaker should check before it is relied on
 * (a plain translation whose official wording we could not confirm).
 */
export interface TraffickingTerm<C extends string = string> {
  readonly code: C;
  readonly label: { readonly en: string; readonly ar: string };
  readonly arReview?: true;
}

/** A lookup that tells a known code from a string that only looks like one. */
export function vocabularyIndex<C extends string>(terms: readonly TraffickingTerm<C>[]): ReadonlyMap<string, TraffickingTerm<C>> {
  return new Map(terms.map((t) => [t.code, t]));
}
