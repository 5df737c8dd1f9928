export * from './roles';
export * from './can';
