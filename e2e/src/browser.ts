import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium (Playwright cannot download browsers here). The flags keep it from
// reaching for Google's hosts, which this machine's closed network refuses.
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.WAYMARK_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
