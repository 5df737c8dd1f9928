export * from './problems';
export * from './common';
export * from './persons';
export * from './households';
export * from './sessions';
export * from './instruments';
export * from './screenings';
export * from './reports';
