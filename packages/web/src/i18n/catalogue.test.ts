import { describe, expect, it } from 'vitest';
import ar from './locales/ar.json';
import en from './locales/en.json';
import { requiredDataKeys } from './keys';
import { flattenCatalogue } from './flatten-catalogue';

const flatten = flattenCatalogue;

const english = flatten(en);
const arabic = flatten(ar);

// Plural forms (`key_one`, `key_few`, …) differ by language: English has two, Arabic six
// (plurals.test.ts checks each has all it needs). Here they count as their one base key.
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const baseKeys = (catalogue: Map<string, string>) => [...new Set([...catalogue.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')))].sort();

// Every source file's text, read by the bundler (the web package has no Node types).
const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('translation catalogues', () => {
  it('have exactly the same keys in English and Arabic', () => {
    expect(baseKeys(arabic)).toEqual(baseKeys(english));
  });

  it('have no empty text', () => {
    for (const [key, text] of [...english, ...arabic]) expect(text.trim(), key).not.toBe('');
  });

  it('translate every vocabulary value, problem code and field-error code', () => {
    const required = requiredDataKeys();
    expect(required.filter((key) => !english.has(key))).toEqual([]);
    expect(required.filter((key) => !arabic.has(key))).toEqual([]);
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of english) if (!PLURAL_SUFFIX.test(key)) expect(placeholders(arabic.get(key) ?? ''), key).toEqual(placeholders(text));
    // A plural form may say the number in words ("مشكلتان", "one day") and leave out {{count}};
    // every other placeholder is in each form of both languages.
    const besidesCount = (text: string) => placeholders(text).filter((name) => name !== 'count');
    for (const [key, text] of [...english, ...arabic].filter(([key]) => PLURAL_SUFFIX.test(key))) {
      expect(besidesCount(text), key).toEqual(besidesCount(english.get(key.replace(PLURAL_SUFFIX, '_other'))!));
    }
  });

  it('hold every key the code names literally', () => {
    const used = Object.values(sources).flatMap((text) =>
      [...text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)].map((m) => m[1]!),
    );
    expect(used.length).toBeGreaterThan(50);
    expect([...new Set(used)].filter((key) => !english.has(key) && !english.has(`${key}_other`))).toEqual([]);
  });

  it('actually translates into Arabic, not copies English', () => {
    const same = [...english].filter(([key, text]) => arabic.get(key) === text && /[a-z]{3}/i.test(text));
    expect(same.map(([key]) => key)).toEqual(['language.en']);
  });
});
