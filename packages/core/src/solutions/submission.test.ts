import { describe, expect, it } from 'vitest';
import { confirmCategories } from './confirm-categories';
import { assessment, notAssessed, notFeasible } from './fixtures.test-helpers';
import { suggestCategories } from './suggest-categories';
import { validateSubmission, type MedicalCriteria, type SubmissionChoice } from './submission';
import { SUBMISSION_CATEGORIES, SUBMISSION_CATEGORY_CODES, type SubmissionCategory } from './vocabulary';

const choice = (primary: SubmissionCategory, secondary: SubmissionCategory | null = null): SubmissionChoice => ({ primary, secondary, priority: 'normal' });
const codes = (c: SubmissionChoice, a = assessment(), medicalCriteria: MedicalCriteria | null = null) =>
  validateSubmission(c, { assessment: a, medicalCriteria }).map((p) => [p.code, p.severity, p.path.join('/')]);

describe('submission categories', () => {
  it('has the seven UNHCR categories with English and Arabic labels', () => {
    expect(SUBMISSION_CATEGORY_CODES).toEqual([
      'legal_physical_protection',
      'women_girls_at_risk',
      'children_adolescents_at_risk',
      'survivors_violence_torture',
      'medical_needs',
      'family_reunification',
      'lack_of_alternative_solutions',
    ]);
    for (const code of SUBMISSION_CATEGORY_CODES) {
      expect(SUBMISSION_CATEGORIES[code].en).not.toBe('');
      expect(SUBMISSION_CATEGORIES[code].ar).not.toBe('');
    }
  });

  it('accepts a primary with or without a different secondary', () => {
    expect(codes(choice('women_girls_at_risk'))).toEqual([]);
    expect(codes(choice('women_girls_at_risk', 'lack_of_alternative_solutions'))).toEqual([]);
  });

  it('refuses the same category twice and unknown categories', () => {
    expect(codes(choice('medical_needs', 'medical_needs'), assessment(), allMet)).toEqual([['categories_must_differ', 'error', 'secondary']]);
    expect(codes(choice('made_up' as SubmissionCategory, 'also_made_up' as SubmissionCategory))).toEqual([
      ['unknown_category', 'error', 'primary'],
      ['unknown_category', 'error', 'secondary'],
    ]);
  });

  it('warns, but does not refuse, lack of alternative solutions as primary', () => {
    expect(codes(choice('lack_of_alternative_solutions'))).toEqual([['usually_secondary_category', 'warning', 'primary']]);
  });

  it('requires both other durable solutions to have been considered first', () => {
    expect(codes(choice('legal_physical_protection'), assessment({ voluntary_repatriation: notAssessed }))).toEqual([
      ['other_solutions_not_considered', 'error', 'assessment/solutions/voluntary_repatriation/status'],
    ]);
    expect(
      codes(choice('legal_physical_protection'), assessment({ voluntary_repatriation: notAssessed, local_integration: notAssessed })).map((c) => c[2]),
    ).toEqual(['assessment/solutions/voluntary_repatriation/status', 'assessment/solutions/local_integration/status']);
    expect(validateSubmission(choice('legal_physical_protection'), { assessment: null }).map((p) => [p.code, p.path.join('/')])).toEqual([
      ['other_solutions_not_considered', 'assessment'],
    ]);
    expect(codes(choice('legal_physical_protection'), assessment({ voluntary_repatriation: notFeasible(), local_integration: notFeasible() }))).toEqual([]);
  });

  it('refuses a submission when resettlement itself was found not feasible', () => {
    expect(codes(choice('legal_physical_protection'), assessment({ resettlement: notFeasible('low') }))).toEqual([
      ['resettlement_not_feasible', 'error', 'assessment/solutions/resettlement/status'],
    ]);
  });

  it('needs all four medical criteria for medical needs', () => {
    expect(codes(choice('medical_needs'))).toEqual([['medical_criteria_not_met', 'error', 'medicalCriteria']]);
    expect(codes(choice('legal_physical_protection', 'medical_needs'), assessment(), { ...allMet, favourablePrognosis: false })).toEqual([
      ['medical_criteria_not_met', 'error', 'medicalCriteria/favourablePrognosis'],
    ]);
    expect(codes(choice('medical_needs'), assessment(), allMet)).toEqual([]);
  });
});

const allMet: MedicalCriteria = { lifeThreateningOrIrreversible: true, treatmentUnavailableLocally: true, favourablePrognosis: true, informedConsent: true };

describe('confirming categories', () => {
  const suggestions = suggestCategories({
    members: [{ personId: 'p-1', sex: 'female', age: 30, screeningDomains: { women_at_risk: 'high' } }],
    assessment: assessment(),
    yearsInDisplacement: 2,
  });

  it('records who confirmed, when, and which categories came from a suggestion', () => {
    const result = confirmCategories({
      choice: { primary: 'women_girls_at_risk', secondary: 'family_reunification', priority: 'urgent' },
      suggestions,
      confirmedBy: 'user-7',
      confirmedAt: '2026-11-25T10:00:00Z',
      context: { assessment: assessment() },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.confirmedBy).toBe('user-7');
    expect(result.value.confirmedAt).toBe('2026-11-25T10:00:00Z');
    expect(result.value.primary.source).toBe('suggested');
    expect(result.value.primary.reasons.map((r) => r.rule)).toEqual(['woman_or_girl_at_high_risk']);
    expect(result.value.secondary).toEqual({ category: 'family_reunification', source: 'chosen', reasons: [] });
    expect(result.value.priority).toBe('urgent');
  });

  it('keeps the suggestions not taken and the warnings confirmed past', () => {
    const result = confirmCategories({
      choice: { primary: 'lack_of_alternative_solutions', secondary: null, priority: 'normal' },
      suggestions,
      confirmedBy: 'user-7',
      confirmedAt: '2026-11-25T10:00:00Z',
      context: { assessment: assessment() },
    });
    expect(result.ok && result.value.notTaken).toEqual(['women_girls_at_risk']);
    expect(result.ok && result.value.warnings.map((w) => w.code)).toEqual(['usually_secondary_category']);
  });

  it('needs a person to confirm, and refuses a choice with errors', () => {
    const result = confirmCategories({
      choice: { primary: 'women_girls_at_risk', secondary: 'women_girls_at_risk', priority: 'normal' },
      suggestions,
      confirmedBy: '  ',
      confirmedAt: '2026-11-25T10:00:00Z',
      context: { assessment: assessment() },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => [p.code, p.path.join('/')])).toEqual([
      ['confirmer_required', 'confirmedBy'],
      ['categories_must_differ', 'secondary'],
    ]);
  });
});
