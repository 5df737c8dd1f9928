export * from './lifecycle';
export * from './plan';
export * from './my-work';
export * from './proposed-actions';
