import { heightenedRiskV1 } from './heightened-risk/v1';
import type { Instrument } from './instrument';

/** Every version ever shipped stays here: stored screenings name the version that scored them. */
export const shippedInstruments: readonly Instrument[] = [heightenedRiskV1];

/** The given version, or the latest when no version is asked for. */
export function findInstrument(id: string, version?: number): Instrument | undefined {
  const versions = shippedInstruments.filter((i) => i.id === id);
  if (version !== undefined) return versions.find((i) => i.version === version);
  return versions.reduce<Instrument | undefined>((latest, i) => (!latest || i.version > latest.version ? i : latest), undefined);
}
