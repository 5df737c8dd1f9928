export * from './sectors';
export * from './conditions';
