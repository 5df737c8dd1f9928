export * from './vocabulary';
export * from './person';
export * from './age';
export * from './validate-person';
export * from './identity-documents';
