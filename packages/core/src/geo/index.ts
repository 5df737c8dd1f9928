export * from './boundaries';
export * from './interior';
export * from './project';
