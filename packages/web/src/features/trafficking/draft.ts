import { ILO_FORCED_LABOUR_INDICATORS, type TraffickingTerm } from '@waymark/core';
import type { FieldProblem, TraffickingAssessmentCreate } from '@waymark/contracts';
import { decodePointer } from '../../api/json-pointer';
import type { UiLanguage } from '../../i18n/languages';

/** What the form holds while the caseworker fills it in; '' means "not recorded". */
export interface AssessmentDraft {
  acts: string[];
  means: string[];
  purposes: string[];
  /** ILO indicator code → the note that holds the evidence (or INLINE_EVIDENCE); a key present means "observed". */
  ilo: Record<string, string>;
  /** ILO indicator code → evidence written here, filed by the server as a sealed trafficking note. */
  evidence: Record<string, string>;
  stageReached: string;
  exploitationTypes: string[];
  controlMethods: string[];
  firstContact: string;
  exploitationStart: string;
  exploitationEnd: string;
  underEighteen: 'unknown' | 'yes' | 'no';
}

export const EMPTY_DRAFT: AssessmentDraft = {
  acts: [],
  means: [],
  purposes: [],
  ilo: {},
  evidence: {},
  stageReached: '',
  exploitationTypes: [],
  controlMethods: [],
  firstContact: '',
  exploitationStart: '',
  exploitationEnd: '',
  underEighteen: 'unknown',
};

/** The choice "write the evidence here" in an indicator's note picker. */
export const INLINE_EVIDENCE = 'inline';

type Citation = { code: string; evidenceNoteId: string } | { code: string; evidenceText: string };

/** Observed indicators in the ILO's order: the index of each is the one the server's paths use. */
export function observedIndicators(draft: AssessmentDraft): Citation[] {
  return ILO_FORCED_LABOUR_INDICATORS.filter((term) => term.code in draft.ilo).map((term) => {
    const chosen = (draft.ilo[term.code] ?? '').trim();
    return chosen === INLINE_EVIDENCE ? { code: term.code, evidenceText: draft.evidence[term.code] ?? '' } : { code: term.code, evidenceNoteId: chosen };
  });
}

/** The preview's input: core judges indicators, not evidence, so written evidence stands in as a note. */
export function toPreviewInput(draft: AssessmentDraft) {
  const input = toInput(draft);
  return { ...input, iloIndicators: input.iloIndicators.map((indicator) => ({ code: indicator.code, evidenceNoteId: indicator.evidenceNoteId ?? INLINE_EVIDENCE })) };
}

const day = (value: string): string | null => (value === '' ? null : value);

/** The request body: codes only, exactly what the contract takes. */
export function toInput(draft: AssessmentDraft): TraffickingAssessmentCreate {
  return {
    acts: draft.acts,
    means: draft.means,
    purposes: draft.purposes,
    iloIndicators: observedIndicators(draft),
    stageReached: draft.stageReached === '' ? null : draft.stageReached,
    exploitationTypes: draft.exploitationTypes,
    controlMethods: draft.controlMethods,
    dates: { firstContact: day(draft.firstContact), exploitationStart: day(draft.exploitationStart), exploitationEnd: day(draft.exploitationEnd) },
    underEighteenAtActs: draft.underEighteen === 'unknown' ? null : draft.underEighteen === 'yes',
  };
}

/**
 * Where a problem from the server shows: the list or field its JSON Pointer names
 * (`/acts/1` → acts, `/iloIndicators/0/evidenceNoteId` → that indicator), else the form.
 */
export function slotOf(pointer: string, draft: AssessmentDraft): string {
  const [head, second] = decodePointer(pointer);
  if (head === undefined) return 'form';
  if (head === 'iloIndicators') {
    // The same slot for the note picked and the evidence written: the indicator's own row.
    const observed = observedIndicators(draft)[Number(second)];
    return observed ? `ilo.${observed.code}` : 'iloIndicators';
  }
  if (head === 'dates' && second !== undefined) return `dates.${second}`;
  if (['acts', 'means', 'purposes', 'stageReached', 'exploitationTypes', 'controlMethods', 'underEighteenAtActs'].includes(head)) return head;
  return 'form';
}

export function problemsBySlot(problems: readonly FieldProblem[], draft: AssessmentDraft): Map<string, FieldProblem[]> {
  const slots = new Map<string, FieldProblem[]>();
  for (const problem of problems) {
    const slot = slotOf(problem.path, draft);
    slots.set(slot, [...(slots.get(slot) ?? []), problem]);
  }
  return slots;
}

/** A vocabulary term in the reader's language (core holds both labels). */
export const labelOf = (term: TraffickingTerm, language: UiLanguage): string => term.label[language];

export function labelFor(terms: readonly TraffickingTerm[], code: string, language: UiLanguage): string {
  const term = terms.find((candidate) => candidate.code === code);
  return term ? term.label[language] : code;
}
