import { z } from 'zod';

// No eval-based fast paths: the web app runs under a strict Content Security Policy.
z.config({ jitless: true });

export * from './problems';
export * from './common';
export * from './persons';
export * from './households';
export * from './household-changes';
export * from './sessions';
export * from './sites';
export * from './instruments';
export * from './screenings';
export * from './reports';
export * from './population';
export * from './protection-notes';
export * from './audit';
export * from './admin';
export * from './consent';
export * from './data-subject';
export * from './cases';
export * from './trafficking';
export * from './children';
export * from './solutions';
export * from './labour';
export * from './programmes';
export * from './exports';
