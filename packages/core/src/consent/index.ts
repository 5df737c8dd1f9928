export * from './vocabulary';
export * from './requirement';
export * from './record';
export * from './evaluate';
export * from './check-decision';
