export * from './roles';
export * from './scopes';
export * from './can';
export * from './clearance';
export * from './grant';
export * from './fields';
export * from './console';
export * from './task-topic';
