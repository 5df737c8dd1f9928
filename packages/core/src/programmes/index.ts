export * from './kinds';
export * from './coverage';
