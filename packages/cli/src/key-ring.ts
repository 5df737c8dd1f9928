import { loadKeyRing, type Config, type KeyRing } from '@waymark/server';

/** The key ring, or the reason there is none and exit 2: the CLI never works unencrypted. */
export async function keyRingOrExit(config: Config): Promise<KeyRing> {
  const ring = await loadKeyRing(config);
  if (!ring.ok) {
    process.stderr.write(`Waymark cannot continue: ${ring.error}\n`);
    process.exit(2);
  }
  return ring.value;
}
