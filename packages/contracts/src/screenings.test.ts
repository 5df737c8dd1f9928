import { heightenedRiskV1, scoreScreening, type ScreeningSubject } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { InstrumentDefinitionSchema, InstrumentSummarySchema } from './instruments';
import { ScreeningOutcomeSchema, ScreeningRequestSchema, ScreeningSchema } from './screenings';

const subject: ScreeningSubject = {
  ageYears: 16,
  sex: 'female',
  setting: 'urban',
  legalStatus: 'unregistered',
  careSituation: 'separated',
  documents: [],
  householdSize: 1,
  isHeadOfHousehold: true,
  dependantsInHousehold: 0,
  otherAdultsInHousehold: 0,
  yearsSinceArrival: 6,
};

function outcome() {
  const result = scoreScreening(
    heightenedRiskV1,
    { cr_approached_with_offers: 'yes', sg_sexual_violence: 'prefer_not_to_answer', eb_times_pushed_back: 2 },
    subject,
  );
  if (!result.ok) throw new Error('fixture does not score');
  return result.value;
}

describe('screening contracts', () => {
  it('describe a scored outcome exactly, after a JSON round trip', () => {
    const stored = JSON.parse(JSON.stringify(outcome()));
    expect(ScreeningOutcomeSchema.parse(stored)).toEqual(stored);
  });

  it('describe a stored screening: the outcome plus who, when and which answers', () => {
    const screening = {
      ...outcome(),
      id: '0190a6c2-7b7e-7cc0-8a8b-2b5e8c6f0a11',
      personId: '0190a6c2-7b7e-7cc0-8a8b-2b5e8c6f0a12',
      screenedAt: '2026-03-01T09:30:00.000Z',
      screenedBy: null,
      responses: { cr_approached_with_offers: 'yes' },
      rescoredFrom: null,
      withheld: [{ domain: 'sgbv_coercion', topic: 'sgbv', readableBy: ['administrator', 'supervisor', 'protection_officer'] }],
    };
    expect(ScreeningSchema.parse(screening)).toEqual(screening);
  });

  it('accept a screening request and refuse extra fields or bad values', () => {
    expect(ScreeningRequestSchema.safeParse({ instrument: 'heightened-risk', responses: { a: 'yes', b: ['x'], c: 3, d: true, e: null } }).success).toBe(true);
    expect(ScreeningRequestSchema.safeParse({ instrument: 'heightened-risk', instrumentVersion: 1.5, responses: {} }).success).toBe(false);
    expect(ScreeningRequestSchema.safeParse({ instrument: 'heightened-risk', responses: {}, extra: 1 }).success).toBe(false);
    expect(ScreeningRequestSchema.safeParse({ instrument: 'heightened-risk', responses: { a: { nested: 1 } } }).success).toBe(false);
  });

  it('describe the shipped instrument and its summary', () => {
    expect(InstrumentDefinitionSchema.parse(JSON.parse(JSON.stringify(heightenedRiskV1)))).toEqual(heightenedRiskV1);
    const summary = {
      id: heightenedRiskV1.id,
      version: heightenedRiskV1.version,
      ruleVersion: heightenedRiskV1.ruleVersion,
      title: heightenedRiskV1.title,
      locales: heightenedRiskV1.locales,
      domains: heightenedRiskV1.domains.length,
      items: heightenedRiskV1.items.length,
    };
    expect(InstrumentSummarySchema.parse(summary)).toEqual(summary);
  });
});
