import { describe, expect, it } from 'vitest';
import { heightenedRiskV1 } from '../instruments/heightened-risk/v1';
import type { Item } from '../instruments/instrument';
import { evaluateKnown } from './known-condition';
import { scoreScreening } from './score-screening';
import { compactOutcome, expandOutcome } from './stored-outcome';
import type { ScreeningSubject } from './subject';
import { hiddenItemIds, withholdItems } from './withhold';

const WOMAN: ScreeningSubject = {
  ageYears: 30, sex: 'female', setting: 'urban', legalStatus: null, careSituation: null, documents: [],
  householdSize: 1, isHeadOfHousehold: true, dependantsInHousehold: 0, otherAdultsInHousehold: 0, yearsSinceArrival: null,
};
const notHighlySensitive = (item: Item) => item.sensitivity !== 'highly_sensitive';

function scored(responses: Record<string, string>) {
  const outcome = scoreScreening(heightenedRiskV1, responses, WOMAN);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return compactOutcome(outcome.value);
}

/** What an uncleared reader sees, expanded as the API answers it. */
function seen(responses: Record<string, string>) {
  const view = withholdItems(heightenedRiskV1, scored(responses), responses, notHighlySensitive);
  return { ...expandOutcome(heightenedRiskV1, view.stored), responses: view.responses, withheld: view.withheld };
}

describe('withholdItems: a screening as if the hidden items had not been asked', () => {
  it('drops the 72-hour override, its actions, reasons and the SGBV domain, and keeps the overall level', () => {
    const view = seen({ sg_sexual_violence: 'yes_last_72_hours', es_works_informally: 'yes' });
    expect(view.riskLevel).toBe('critical');
    expect(view.overrides).toEqual([]);
    expect(view.domains.find((d) => d.domain === 'sgbv_coercion')).toMatchObject({ level: 'low', score: 0, signals: [] });
    const text = JSON.stringify(view);
    for (const trace of ['sexual_violence_last_72_hours', 'urgent_medical_care', 'gbv_case_management', 'Sexual violence in the last 72 hours', 'sg_sexual_violence']) {
      expect(text).not.toContain(trace);
    }
    expect(view.responses).toEqual({ es_works_informally: 'yes' });
    expect(view.withheld.map((s) => s.domain)).toEqual(['conflict_insecurity', 'sgbv_coercion']);
  });

  it('equals the screening of the same person without those answers, the overall level aside', () => {
    const withAnswer = seen({ sg_sexual_violence: 'yes_earlier', mms_used_smuggler: 'yes', es_works_informally: 'yes' });
    const twin = scoreScreening(heightenedRiskV1, { mms_used_smuggler: 'yes', es_works_informally: 'yes' }, WOMAN);
    if (!twin.ok) throw new Error('rejected');
    const { riskLevel: _a, explanation: one, withheld: _w, responses: _r, ...rest } = withAnswer;
    const { riskLevel: _b, explanation: other, ...twinRest } = twin.value;
    expect(rest).toEqual(twinRest);
    expect(one.en!.slice(1)).toEqual(other.en!.slice(1));
  });

  it('keeps an override the visible answers raise on their own, and withholds one a hidden answer may have raised', () => {
    const byDocuments = seen({ mms_documents_held: 'yes', sg_coerced_by_person_with_power: 'yes_now' });
    expect(byDocuments.overrides.map((o) => o.id)).toEqual(['current_control_by_another_person']);
    const byCoercion = seen({ mms_documents_held: 'no', sg_coerced_by_person_with_power: 'yes_now' });
    expect(byCoercion.riskLevel).toBe('critical');
    expect(byCoercion.overrides).toEqual([]);
  });

  it('decides rules in three-valued logic: a hidden answer or a fact is unknown, and so is its negation', () => {
    const hidden = new Set(['h']);
    const answers = new Map<string, unknown>([['v', 'yes']]);
    expect(evaluateKnown({ any: [{ item: 'v', equals: 'yes' }, { item: 'h', equals: 'yes' }] }, answers, hidden)).toBe(true);
    expect(evaluateKnown({ any: [{ item: 'v', equals: 'no' }, { item: 'h', equals: 'yes' }] }, answers, hidden)).toBeUndefined();
    expect(evaluateKnown({ not: { item: 'h', equals: 'yes' } }, answers, hidden)).toBeUndefined();
    expect(evaluateKnown({ all: [{ item: 'v', equals: 'no' }, { item: 'h', equals: 'yes' }] }, answers, hidden)).toBe(false);
    expect(evaluateKnown({ fact: 'sex', equals: 'female' }, answers, hidden)).toBeUndefined();
  });

  it('hides an item asked only because of a hidden one', () => {
    const instrument = {
      ...heightenedRiskV1,
      items: [...heightenedRiskV1.items, { ...heightenedRiskV1.items.find((item) => item.sensitivity === 'personal')!, id: 'asked_after', showIf: { item: 'sg_sexual_violence', equals: 'yes_earlier' } }],
    };
    expect(hiddenItemIds(instrument, notHighlySensitive).has('asked_after')).toBe(true);
  });

  it('changes nothing for a reader who may read everything', () => {
    const stored = scored({ sg_sexual_violence: 'yes_last_72_hours' });
    expect(withholdItems(heightenedRiskV1, stored, { sg_sexual_violence: 'yes_last_72_hours' }, () => true)).toEqual({ stored, responses: { sg_sexual_violence: 'yes_last_72_hours' }, withheld: [] });
  });
});
