import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, daysFromDate, isoFromDays } from './civil-date';

describe('civil dates', () => {
  it('agree with Date for any day between 1900 and 2100', () => {
    fc.assert(fc.property(fc.integer({ min: -25_567, max: 47_482 }), (days) => {
      const iso = new Date(days * 86_400_000).toISOString().slice(0, 10);
      expect(isoFromDays(days)).toBe(iso);
      const { year, month, day } = civilFromDays(days);
      expect(daysFromCivil(year, month, day)).toBe(days);
      expect(daysFromDate(new Date(`${iso}T13:00:00Z`))).toBe(days);
    }));
  });
});
