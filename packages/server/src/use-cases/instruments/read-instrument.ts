import { can, err, findInstrument, ok, type Instrument, type Result } from '@waymark/core';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/** One shipped instrument whole (its items, choices and rules), the latest version unless one is named. */
export async function readInstrument(ctx: UseCaseContext, id: string, version: number | undefined): Promise<Result<Instrument, Failure>> {
  if (!can(ctx.actor, 'instrument.read')) return err(failure('forbidden'));
  const instrument = findInstrument(id, version);
  return instrument ? ok(instrument) : err(failure('not_found'));
}
