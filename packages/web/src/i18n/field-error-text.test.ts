import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { fieldErrorText } from './field-error-text';
import ar from './locales/ar.json';
import en from './locales/en.json';

async function translator(lng: 'en' | 'ar') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, ar: { translation: ar } }, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}

const max = (value: number, of: 'characters' | 'value' | 'items', path = '/givenName') => ({ path, code: 'too_big', limit: { bound: 'maximum' as const, value, of, inclusive: true } });
const min = (value: number, of: 'characters' | 'value' | 'items', path = '/x', inclusive = true) => ({ path, code: 'too_small', limit: { bound: 'minimum' as const, value, of, inclusive } });

describe('field error texts say the limit', () => {
  it('in English', async () => {
    const t = await translator('en');
    expect(fieldErrorText(t, max(200, 'characters'))).toBe('At most 200 characters.');
    expect(fieldErrorText(t, min(1, 'characters'))).toBe('At least 1 character.');
    expect(fieldErrorText(t, min(1880, 'value', '/members/0/birthYear'))).toBe('Born 1880 or later.');
    expect(fieldErrorText(t, min(10, 'value'))).toBe('At least 10.');
    expect(fieldErrorText(t, min(0, 'value', '/x', false))).toBe('More than 0.');
    expect(fieldErrorText(t, max(50, 'items'))).toBe('At most 50 items.');
    // Without a limit: the code's own words.
    expect(fieldErrorText(t, { path: '/x', code: 'too_big' })).toBe('Too long or too large.');
  });

  it('in Arabic, with the plural form the number takes', async () => {
    const t = await translator('ar');
    expect(fieldErrorText(t, max(200, 'characters'))).toBe('200 حرف على الأكثر.');
    expect(fieldErrorText(t, max(2, 'characters'))).toBe('حرفان على الأكثر.');
    expect(fieldErrorText(t, min(10, 'characters'))).toBe('10 أحرف على الأقل.');
    expect(fieldErrorText(t, max(50, 'items'))).toBe('50 عنصراً على الأكثر.');
    expect(fieldErrorText(t, min(1880, 'value', '/birthYear'))).toBe('سنة الميلاد 1880 أو بعدها.');
  });
});
