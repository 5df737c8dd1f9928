import { describe, expect, it } from 'vitest';
import { PROTRACTED_YEARS, displacementSince, isProtracted, yearsInDisplacement } from './displacement';

const on = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('years in displacement', () => {
  it('counts whole years, turning over on the anniversary', () => {
    expect(yearsInDisplacement('2021-11-25', on('2026-11-24'))).toBe(4);
    expect(yearsInDisplacement('2021-11-25', on('2026-11-25'))).toBe(5);
    expect(yearsInDisplacement('2020-02-29', on('2021-02-28'))).toBe(0);
    expect(yearsInDisplacement('2020-02-29', on('2021-03-01'))).toBe(1);
  });

  it('prefers the start of displacement over arrival, and falls back to arrival', () => {
    expect(displacementSince({ displacementStart: '2015-03-01', arrivalDate: '2018-01-01' })).toBe('2015-03-01');
    expect(displacementSince({ displacementStart: null, arrivalDate: '2018-01-01' })).toBe('2018-01-01');
    expect(yearsInDisplacement({ arrivalDate: '2018-01-01' }, on('2026-11-25'))).toBe(8);
  });

  it('is unknown without a date, and never negative', () => {
    expect(yearsInDisplacement({}, on('2026-11-25'))).toBeNull();
    expect(yearsInDisplacement('not-a-date', on('2026-11-25'))).toBeNull();
    expect(yearsInDisplacement('2027-01-01', on('2026-11-25'))).toBe(0);
  });

  it('is protracted from five years (the individual flag uses the duration alone)', () => {
    expect(PROTRACTED_YEARS).toBe(5);
    expect(isProtracted('2021-11-26', on('2026-11-25'))).toBe(false);
    expect(isProtracted('2021-11-25', on('2026-11-25'))).toBe(true);
    expect(isProtracted(null, on('2026-11-25'))).toBeNull();
  });
});
