export * from './registration/index';
export * from './policy/index';
export * from './result';
export * from './instruments/index';
export * from './scoring/index';
export * from './population/index';
export * from './consent/index';
export * from './cases/index';
