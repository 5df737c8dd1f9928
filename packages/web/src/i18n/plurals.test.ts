import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES, type UiLanguage } from './languages';
import ar from './locales/ar.json';
import en from './locales/en.json';
import { flattenCatalogue, type Catalogue } from './flatten-catalogue';

const CATALOGUES: Record<UiLanguage, Catalogue> = { en, ar };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

const flatten = flattenCatalogue;

/** The forms a language needs, from CLDR as the runtime has it (what i18next asks too). */
const formsOf = (language: UiLanguage) => [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();

/**
 * The keys the code passes a `count` to: `t('a.b', { count })`, `t(x ? 'a' : 'b', { …, count: n })`.
 * i18next pluralises exactly these, so each must have every form its language needs.
 */
function keysUsedWithCount(source: string): string[] {
  const calls = source.matchAll(/\bt\(\s*((?:'[\w.]+'|[\w.?:!=\s])+?)\s*,\s*\{([^{}]*)\}/g);
  return [...calls].filter((call) => /\bcount\b/.test(call[2]!)).flatMap((call) => [...call[1]!.matchAll(/'([\w.]+)'/g)].map((m) => m[1]!));
}

const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], { query: '?raw', import: 'default', eager: true });
const counted = [...new Set(Object.values(sources).flatMap(keysUsedWithCount))].sort();

describe('plural forms', () => {
  it('are the CLDR sets: English one and other, Arabic all six', () => {
    expect(formsOf('en')).toEqual(['one', 'other']);
    expect(formsOf('ar')).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
  });

  it('finds the counted strings in the code (the finder is not blind)', () => {
    expect(keysUsedWithCount("t('a.b', { count: n })")).toEqual(['a.b']);
    expect(keysUsedWithCount("t(x ? 'a.one' : 'a.two', { level, count: items.length })")).toEqual(['a.one', 'a.two']);
    expect(keysUsedWithCount("t('a.b', { total: n })")).toEqual([]);
    expect(counted).toEqual(expect.arrayContaining(['cases.overdueCount', 'register.problemCount', 'solutions.displacement', 'trafficking.iloObserved']));
    expect(counted.length).toBeGreaterThanOrEqual(18);
  });

  it.each(UI_LANGUAGES)('every key used with a count has each form %s needs, and no unpluralised text left', (language) => {
    const catalogue = flatten(CATALOGUES[language]);
    const missing = counted.flatMap((key) => formsOf(language).filter((form) => !catalogue.has(`${key}_${form}`)).map((form) => `${key}_${form}`));
    expect(missing).toEqual([]);
    expect(counted.filter((key) => catalogue.has(key))).toEqual([]);
  });

  it.each(UI_LANGUAGES)('every plural family in the %s catalogue is complete, and holds only forms of the language', (language) => {
    const catalogue = flatten(CATALOGUES[language]);
    const families = new Map<string, string[]>();
    for (const key of catalogue.keys()) {
      const form = PLURAL_SUFFIX.exec(key)?.[1];
      if (form !== undefined) families.set(key.replace(PLURAL_SUFFIX, ''), [...(families.get(key.replace(PLURAL_SUFFIX, '')) ?? []), form]);
    }
    expect(families.size).toBeGreaterThanOrEqual(counted.length);
    for (const [key, forms] of families) expect(forms.sort(), key).toEqual(formsOf(language));
  });

  it('i18next picks the right Arabic form for 0, 1, 2, 3–10, 11–99 and 100', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, ar: { translation: ar } }, lng: 'ar', fallbackLng: 'en', interpolation: { escapeValue: false } });
    const days = (count: number) => i18n.t('children.overdueList.days', { count });
    expect([0, 1, 2, 3, 10, 11, 99, 100, 102].map(days)).toEqual(['أقل من يوم', 'يوم واحد', 'يومان', '3 أيام', '10 أيام', '11 يوماً', '99 يوماً', '100 يوم', '102 يوم']);
    expect(i18n.t('register.problemCount', { count: 2 })).toBe('يُرجى مراجعة النموذج: مشكلتان يجب تصحيحهما.');
    await i18n.changeLanguage('en');
    expect([1, 2, 0].map((count) => i18n.t('children.overdueList.days', { count }))).toEqual(['1 day', '2 days', '0 days']);
    expect(i18n.t('cases.overdueCount', { count: 1 })).toBe('1 task overdue');
  });
});
