#!/usr/bin/env node
// Loads the TypeScript CLI in this same process through tsx's loader, so `npx waymark …`
// works from a fresh clone with no build step, and signals reach Waymark directly.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
