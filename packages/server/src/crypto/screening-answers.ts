import { err, ok, splitSensitive, type Instrument, type Result, type SealedPart, type StoredOutcome } from '@waymark/core';
import type { KeyRing } from './key-ring';
import { open, type OpenFailure, type Sealer } from './seal';

/** Where a screening's sealed answers live: the associated data names all three. */
export interface ScreeningPlace {
  operation_id: string;
  id: string;
  person_id: string;
}

/**
 * Bound to its row and its person: a sealed part copied to another screening (or the
 * same screening moved to another person) no longer opens.
 */
export function screeningAnswersAad(place: ScreeningPlace): string {
  return `screenings:sealed_answers:${place.operation_id}:${place.id}:${place.person_id}`;
}

export interface StoredScreeningAnswers {
  /** The answers to items that are not highly sensitive; null when reused from `rescored_from`. */
  responses: Record<string, unknown> | null;
  outcome: StoredOutcome;
  sealed_answers: string | null;
}

/**
 * What a screening row stores: the clear part as JSON columns (the screening as if its
 * highly sensitive items had not been asked), and the highly sensitive part with every
 * decision it changed, sealed. No sealer is needed (and none is asked for) when there is
 * nothing to seal. `answers`: the answers scored, when `responses` is null (reused).
 */
export function sealScreeningAnswers(
  sealer: Sealer | undefined,
  instrument: Instrument,
  place: ScreeningPlace,
  responses: Record<string, unknown> | null,
  outcome: StoredOutcome,
  answers: Record<string, unknown> | null = responses,
): Result<StoredScreeningAnswers, 'encryption_unavailable'> {
  const split = splitSensitive(instrument, responses, outcome, answers);
  if (!split.sealed) return ok({ responses, outcome, sealed_answers: null });
  if (!sealer) return err('encryption_unavailable');
  return ok({ responses: split.clear.responses, outcome: split.clear.stored, sealed_answers: sealer(padded(JSON.stringify(split.sealed)), screeningAnswersAad(place)) });
}

/** Sealed parts are padded to a multiple of this many characters before sealing. */
export const SEALED_PART_BLOCK = 256;

/**
 * Spaces to the next block (JSON ignores them): the length of a ciphertext is in clear,
 * and a disclosure adds signals, an override and their levels to the sealed part; padded,
 * its length says no more than which block it ends in.
 */
function padded(json: string): string {
  return json.padEnd(Math.ceil(json.length / SEALED_PART_BLOCK) * SEALED_PART_BLOCK, ' ');
}

/** The sealed part of a screening, or null when it has none. */
export function openScreeningAnswers(ring: KeyRing | undefined, place: ScreeningPlace, envelope: string | null): Result<SealedPart | null, OpenFailure> {
  if (envelope === null) return ok(null);
  if (!ring) return err('unknown_key');
  const opened = open(ring, envelope, screeningAnswersAad(place));
  // Authenticated by GCM: what opens is what this code sealed.
  return opened.ok ? ok(JSON.parse(opened.value) as SealedPart) : opened;
}
