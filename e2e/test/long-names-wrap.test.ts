import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../src/api';
import { signInAs } from '../src/casework';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';
import { signedInDemoStaff } from '../src/staff';

const admin = { email: 'names-admin@example.org', password: 'a-long-e2e-password' };
const worker = { email: 'names-worker@example.org', password: 'a quiet caseworker passphrase' };

// 120 characters each: a long name of many parts, and one whose parts run together (as a
// transliteration without spaces or a double-barrelled name can).
const MANY_PARTS = { givenName: 'عبد الرحمن محمد صالح إبراهيم خليل', familyName: 'آل عبد الله بن سليمان بن عبد العزيز بن محمد بن عبد الرحمن بن فيصل بن تركي بن عبد الله الفيصل' };
const RUN_TOGETHER = { givenName: 'Wolfeschlegelsteinhausenbergerdorffer', familyName: 'Abdulrahmanalhashimi-Ibnsulaimanalfaisalabdulazizalsaudalqahtani-Fitzwilliamsmythe' };

/**
 * A long name wraps inside its cell: the people list stays within the screen, in English
 * and in Arabic (right to left), on a laptop's width and a tablet's.
 */
describe('long names wrap instead of pushing the people list off screen', () => {
  let install: DemoInstall;
  let browser: Browser;

  beforeAll(async () => {
    expect(`${MANY_PARTS.givenName} ${MANY_PARTS.familyName}`.length).toBeGreaterThanOrEqual(120);
    expect(`${RUN_TOGETHER.givenName} ${RUN_TOGETHER.familyName}`.length).toBeGreaterThanOrEqual(120);
    install = await startDemoInstall(admin, 20);
    const adminApi = await apiAs(install.server.url, admin.email, admin.password);
    const api = await signedInDemoStaff(install.server.url, adminApi, { ...worker, displayName: 'Case worker', role: 'caseworker', scope: 'agency' });
    for (const name of [MANY_PARTS, RUN_TOGETHER]) expect((await api('POST', '/persons', { ...name, sex: 'male', birthYear: 1980 })).status).toBe(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  /** Nothing wider than the window: no sideways scroll, the table inside it. */
  async function fitsTheScreen(page: Page) {
    return page.evaluate(() => {
      const table = document.querySelector('.people-table')!.getBoundingClientRect();
      return {
        pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        tableInside: table.left >= 0 && table.right <= document.documentElement.clientWidth,
      };
    });
  }

  for (const [lang, width] of [['ar', 1280], ['ar', 820], ['en', 820]] as const) {
    it(`in ${lang === 'ar' ? 'Arabic' : 'English'} at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, locale: lang === 'ar' ? 'ar' : 'en-GB' });
      await signInAs(page, install.server.url, worker, lang);
      await page.getByTestId('person-row').first().waitFor();
      for (const name of [MANY_PARTS, RUN_TOGETHER]) {
        const row = page.getByTestId('person-row').filter({ hasText: name.familyName });
        await expect.poll(() => row.count()).toBe(1);
      }
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await fitsTheScreen(page)).toEqual({ pageScroll: 0, tableInside: true });
      // The name wrapped onto several lines rather than widening its column.
      const cell = page.getByTestId('person-row').filter({ hasText: RUN_TOGETHER.familyName }).locator('th');
      const lineHeight = await cell.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight) || 20);
      expect((await cell.boundingBox())!.height).toBeGreaterThan(2 * lineHeight);
      await page.screenshot({ path: join(SCREENSHOTS, `long-names-${lang}-${width}.png`), fullPage: false });
      await page.close();
    });
  }
});
