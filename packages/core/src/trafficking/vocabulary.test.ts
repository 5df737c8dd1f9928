import { describe, expect, it } from 'vitest';
import {
  CONTROL_METHODS,
  EXPLOITATION_TYPES,
  ILO_FORCED_LABOUR_INDICATORS,
  TRAFFICKING_ACTS,
  TRAFFICKING_MEANS,
  TRAFFICKING_PURPOSES,
  TRAFFICKING_STAGES,
  type TraffickingTerm,
} from './vocabulary/index';
import { TRAFFICKING_OUTCOMES } from './outcome';

const VOCABULARIES: Record<string, readonly TraffickingTerm[]> = {
  acts: TRAFFICKING_ACTS,
  means: TRAFFICKING_MEANS,
  purposes: TRAFFICKING_PURPOSES,
  iloIndicators: ILO_FORCED_LABOUR_INDICATORS,
  stages: TRAFFICKING_STAGES,
  exploitationTypes: EXPLOITATION_TYPES,
  controlMethods: CONTROL_METHODS,
  outcomes: TRAFFICKING_OUTCOMES,
};

describe('trafficking vocabularies', () => {
  it.each(Object.entries(VOCABULARIES))('%s: every code has an English and an Arabic label, and codes are unique', (_name, terms) => {
    for (const term of terms) {
      expect(term.label.en.trim(), term.code).not.toBe('');
      expect(term.label.ar.trim(), term.code).not.toBe('');
      // An Arabic label is written in Arabic script, not left in English.
      expect(term.label.ar, term.code).toMatch(/[\u0600-\u06FF]/);
    }
    expect(new Set(terms.map((t) => t.code)).size).toBe(terms.length);
  });

  it('holds the Protocol elements and the 11 ILO indicators', () => {
    expect(TRAFFICKING_ACTS.map((t) => t.code)).toEqual(['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt']);
    expect(TRAFFICKING_MEANS).toHaveLength(9);
    expect(TRAFFICKING_PURPOSES.filter((p) => p.protocol)).toHaveLength(5);
    expect(ILO_FORCED_LABOUR_INDICATORS).toHaveLength(11);
    expect(TRAFFICKING_STAGES.map((t) => t.code)).toEqual(['acquisition', 'movement', 'exploitation']);
  });

  it('uses the HTCDS codes and English labels exactly as the standard gives them', () => {
    // Copied from shared/standards/htcds/htcds_xform.xml (vic_TypeOfExploitation, vic_Methods_of_Control).
    expect(EXPLOITATION_TYPES.map((t) => [t.code, t.label.en])).toEqual([
      ['ForcedLabour', 'Forced labour'],
      ['SexualExploitation', 'Sexual exploitation'],
      ['ChildLabour', 'Child labour'],
      ['ForcedMarriage', 'Forced marriage'],
      ['Servitude', 'Servitude'],
      ['ForcedMilitaryByNonStateActors', 'Forced military (by non-state actors)'],
      ['OrganRemoval', 'Organ removal'],
      ['ForcedBegging', 'Forced begging'],
      ['ForcedAdoption', 'Forced adoption'],
      ['Surrogacy', 'Surrogacy'],
      ['Other', 'Other'],
    ]);
    expect(CONTROL_METHODS.filter((m) => m.source === 'value_list').map((t) => [t.code, t.label.en])).toEqual([
      ['PhysicalThreats', 'Physical threats'],
      ['ThreatsLawEnforcement', 'Threats of law enforcement'],
      ['ThreatensChildrenFamily', 'Threatens children/family'],
      ['DebtBondage', 'Debt bondage'],
      ['FalsePromises', 'False promises'],
      ['PhysicalAbuse', 'Physical abuse'],
      ['SexualAbuse', 'Sexual abuse'],
      ['TakesEarnings', 'Takes earnings'],
      ['RestrictsFinancialAccess', 'Restricts financial access'],
      ['RestrictsMedicalCare', 'Restricts medical care'],
      ['WithholdsNecessities', 'Withholds necessities'],
      ['PsychologicalAbuse', 'Psychological abuse'],
      ['PsychoactiveSubstance', 'Psychoactive substance'],
      ['ExcessiveWorkingHours', 'Excessive working hours'],
      ['WithholdsDocuments', 'Withholds documents'],
      ['Other', 'Other'],
    ]);
  });

  it('maps every exploitation type to a known purpose and every implied means to a known means', () => {
    const purposes = new Set(TRAFFICKING_PURPOSES.map((p) => p.code));
    const means = new Set(TRAFFICKING_MEANS.map((m) => m.code));
    for (const t of EXPLOITATION_TYPES) expect(purposes.has(t.purpose), t.code).toBe(true);
    for (const m of [...CONTROL_METHODS, ...ILO_FORCED_LABOUR_INDICATORS]) if (m.means !== null) expect(means.has(m.means), m.code).toBe(true);
  });
});
