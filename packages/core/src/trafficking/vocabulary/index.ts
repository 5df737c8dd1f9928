export type { TraffickingTerm } from './term';
export * from './protocol';
export * from './ilo-indicators';
export * from './stages';
export * from './htcds';
