import type { InstrumentSummary } from '@waymark/contracts';
import { can, err, ok, shippedInstruments, type Result } from '@waymark/core';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/** The screening instruments this build ships, each with how much it asks. */
export async function listInstruments(ctx: UseCaseContext): Promise<Result<{ items: InstrumentSummary[]; total: number }, Failure>> {
  if (!can(ctx.actor, 'instrument.read')) return err(failure('forbidden'));
  const items = shippedInstruments.map((instrument) => ({
    id: instrument.id,
    version: instrument.version,
    ruleVersion: instrument.ruleVersion,
    title: instrument.title,
    locales: instrument.locales,
    domains: instrument.domains.length,
    items: instrument.items.length,
  }));
  return ok({ items, total: items.length });
}
