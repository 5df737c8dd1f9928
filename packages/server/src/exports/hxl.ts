/**
 * HXL hashtags (hxlstandard.org): `#tag` then `+attribute`s, lower-case letters, digits
 * and underscores, starting with a letter. Checked for every registered column so a
 * typo cannot ship a hashtag row HXL tools would drop.
 */
const HASHTAG = /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/;

export const isHxlHashtag = (tag: string): boolean => HASHTAG.test(tag);

/**
 * The admin level of a set of area codes, when they all say it the same way
 * (`LBN-ADM2-…` as shipped with the geoBoundaries files): `#adm2+code`. Codes that do not
 * say their level are tagged `#loc+code`, which claims no level rather than a wrong one.
 */
export function areaCodeHashtag(codes: readonly (string | null)[]): string {
  const levels = new Set(codes.filter((code): code is string => code !== null).map((code) => /-ADM([1-5])-/i.exec(code)?.[1] ?? 'none'));
  const [level] = [...levels];
  return levels.size === 1 && level !== 'none' && level !== undefined ? `#adm${level}+code` : '#loc+code';
}
