export * from './boundaries';
export * from './interior';
export * from './project';
export * from './area-tree';
