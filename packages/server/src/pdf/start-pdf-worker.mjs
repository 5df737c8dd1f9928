// A worker thread does not inherit the TypeScript loader the main thread registered (Node 20),
// so this plain module registers tsx again before loading the worker's own code.
import { register } from 'tsx/esm/api';

register();
await import('./pdf-worker.ts');
