import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { BenchSession } from '../http-app';
import { percentile } from '../timing';

/** Chrome DevTools' "Fast 3G" as the issue states it, and a mid-range phone's CPU. */
export const FIELD_LINK = { downloadBitsPerSecond: 1_600_000, uploadBitsPerSecond: 750_000, latencyMs: 150, cpuSlowdown: 4 };
const SAMPLES = 5;

export interface WebLoadFigures {
  link: typeof FIELD_LINK;
  /** Navigation to the people list's first row with an empty browser cache, each sample a new profile. */
  coldMs: number[];
  coldP50: number;
  /** The same, again in the same profile (hashed assets from the cache, index.html revalidated). */
  warmMs: number[];
  warmP50: number;
  /** Bytes over the wire (compressed, headers included) of one cold and one warm load. */
  coldBytes: number;
  warmBytes: number;
  /** How many scripts the cold load fetched over the network. */
  scripts: number;
}

export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'packages', 'web', 'dist');

/** The web app as it is now: built here, so the bench never times an old build. */
export function buildWeb(): void {
  const root = join(WEB_DIR, '..', '..', '..');
  const built = spawnSync('npm', ['run', 'build', '--workspace', '@waymark/web'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0 || !existsSync(join(WEB_DIR, 'index.html'))) throw new Error(`web build failed: ${built.stderr}`);
}

async function throttled(context: BrowserContext): Promise<{ page: Page; bytes: () => number; scripts: () => number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let bytes = 0;
  let scripts = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  cdp.on('Network.responseReceived', (event: { type: string; response: { fromDiskCache?: boolean; fromMemoryCache?: boolean } }) => {
    if (event.type === 'Script' && !event.response.fromDiskCache && !event.response.fromMemoryCache) scripts += 1;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: FIELD_LINK.latencyMs,
    downloadThroughput: FIELD_LINK.downloadBitsPerSecond / 8,
    uploadThroughput: FIELD_LINK.uploadBitsPerSecond / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: FIELD_LINK.cpuSlowdown });
  return {
    page,
    bytes: () => bytes,
    scripts: () => scripts,
  };
}

// Noted by the page itself, from its navigation's start, the moment the first row is in the
// document: the time Playwright's own polling takes under the slowed CPU is not counted.
const NOTE_FIRST_ROW = `
  new MutationObserver((_changes, observer) => {
    if (document.querySelector('[data-testid="person-row"]')) {
      window.__firstRowAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function timeToRows(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.locator('[data-testid="person-row"]').first().waitFor({ state: 'visible', timeout: 60_000 });
  } catch (error) {
    // What the page showed instead, for whoever reads the failure.
    await page.screenshot({ path: join(WEB_DIR, '..', '..', '..', 'bench', 'results', 'web-load-failure.png') });
    throw error;
  }
  return page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt);
}

/**
 * The people list as a caseworker in a field office opens it: Debian's Chromium with the
 * network and CPU throttled through the DevTools protocol, timed from navigation to the
 * list's first row on screen.
 */
export async function benchWebLoad(baseUrl: string, session: BenchSession): Promise<WebLoadFigures> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.WAYMARK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const cookies = session.cookie.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
  });
  const coldMs: number[] = [];
  const warmMs: number[] = [];
  let coldBytes = 0;
  let warmBytes = 0;
  let scripts = 0;
  try {
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      const context = await browser.newContext({ locale: 'en-GB' });
      await context.addCookies(cookies);
      await context.addInitScript(NOTE_FIRST_ROW);
      const cold = await throttled(context);
      coldMs.push(await timeToRows(cold.page, `${baseUrl}/`));
      coldBytes = cold.bytes();
      scripts = cold.scripts();
      await cold.page.close();
      const warm = await throttled(context);
      warmMs.push(await timeToRows(warm.page, `${baseUrl}/`));
      warmBytes = warm.bytes();
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { link: FIELD_LINK, coldMs, coldP50: percentile(coldMs, 50), warmMs, warmP50: percentile(warmMs, 50), coldBytes, warmBytes, scripts };
}
