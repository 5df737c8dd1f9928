export { generatePopulation } from './generate-population';
export { defaultOperations, lebanonOperation, syntheticMixedMigrationOperation } from './operations';
export { createRandom, type Random } from './random';
export type { GeneratedHousehold, GeneratedMember, NationalitySpec, OperationSpec, PopulationOptions, SiteSpec } from './types';
export { NAMING_TRADITIONS, type NamingTraditionId } from './names';
