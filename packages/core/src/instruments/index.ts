export * from './condition';
export * from './instrument';
export * from './problems';
export { InstrumentSchema, ConditionSchema, LocalizedTextSchema } from './schema';
export { validateInstrument } from './validate-instrument';
export { heightenedRiskV1 } from './heightened-risk/v1';
export { shippedInstruments, findInstrument } from './registry';
