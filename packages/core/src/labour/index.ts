export * from './sectors';
export * from './conditions';
export * from './publish-labour';
