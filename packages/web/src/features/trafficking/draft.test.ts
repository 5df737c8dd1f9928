import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, problemsBySlot, slotOf, toInput, type AssessmentDraft } from './draft';

const draft: AssessmentDraft = {
  ...EMPTY_DRAFT,
  acts: ['recruitment'],
  // Ticked out of the ILO's order: the body and the server's indexes follow the ILO's order.
  ilo: { debt_bondage: ' note-2 ', deception: 'note-1' },
  firstContact: '2025-03-01',
  underEighteen: 'yes',
};

describe('the trafficking form draft', () => {
  it('sends codes only, indicators in the ILO order with trimmed note references, empty dates as null', () => {
    expect(toInput(draft)).toEqual({
      acts: ['recruitment'],
      means: [],
      purposes: [],
      iloIndicators: [
        { code: 'deception', evidenceNoteId: 'note-1' },
        { code: 'debt_bondage', evidenceNoteId: 'note-2' },
      ],
      stageReached: null,
      exploitationTypes: [],
      controlMethods: [],
      dates: { firstContact: '2025-03-01', exploitationStart: null, exploitationEnd: null },
      underEighteenAtActs: true,
    });
    expect(toInput(EMPTY_DRAFT).underEighteenAtActs).toBeNull();
  });

  it("puts each server problem at the field its JSON Pointer names, an indicator's by its index", () => {
    expect(slotOf('/acts/0', draft)).toBe('acts');
    expect(slotOf('/iloIndicators/1/evidenceNoteId', draft)).toBe('ilo.debt_bondage');
    expect(slotOf('/iloIndicators/0/code', draft)).toBe('ilo.deception');
    expect(slotOf('/iloIndicators/7/code', draft)).toBe('iloIndicators');
    expect(slotOf('/dates/exploitationStart', draft)).toBe('dates.exploitationStart');
    expect(slotOf('/underEighteenAtActs', draft)).toBe('underEighteenAtActs');
    expect(slotOf('', draft)).toBe('form');
    expect(slotOf('/somethingElse', draft)).toBe('form');
    const slots = problemsBySlot(
      [
        { path: '/dates/firstContact', code: 'date_in_future', message: '' },
        { path: '/dates/firstContact', code: 'date_before_birth', message: '' },
        { path: '', code: 'person_case_required', message: '' },
      ],
      draft,
    );
    expect(slots.get('dates.firstContact')?.map((p) => p.code)).toEqual(['date_in_future', 'date_before_birth']);
    expect(slots.get('form')?.map((p) => p.code)).toEqual(['person_case_required']);
  });
});
