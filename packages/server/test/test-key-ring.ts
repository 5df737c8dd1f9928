import { generateKey, type KeyRing } from '../src/crypto/key-ring';

export const ringOf = (active: string, keys: Record<string, Buffer>): KeyRing => ({ active, keys: new Map(Object.entries(keys)) });

/** The ring the test app seals with; a test may swap it (a restart with a new active key). */
export const testKeys = { ring: ringOf('k1', { k1: generateKey() }) };

/** Reads testKeys at every use, so a swap reaches the running app. */
export const liveKeyRing: KeyRing = {
  get active() {
    return testKeys.ring.active;
  },
  get keys() {
    return testKeys.ring.keys;
  },
};

/**
 * startTestApp (test-app.ts) builds the app without a key ring yet. Until it passes one
 * (then this goes), a test file needing protection notes wraps buildApp:
 *   vi.mock('../src/http/app', async (importOriginal) =>
 *     (await import('./test-key-ring')).withKeyRing(await importOriginal<typeof import('../src/http/app')>()));
 */
export function withKeyRing(original: typeof import('../src/http/app')): typeof import('../src/http/app') {
  return { ...original, buildApp: (deps, logger) => original.buildApp({ keyRing: liveKeyRing, ...deps }, logger) };
}
