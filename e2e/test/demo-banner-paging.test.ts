import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/browser';
import { apiAs } from '../src/api';
import { createDemoStaff } from '../src/staff';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';

const admin = { email: 'admin@example.org', password: 'a-long-e2e-password' };
const NEW_PASSWORD = 'slow link through the hills';

/**
 * A caseworker on a demo install sees, on every page and in both languages, that the people
 * are synthetic; and the people list's Next reaches the last person (keyset paging).
 */
describe('demo banner and paging to the last person, in English and Arabic', () => {
  let install: DemoInstall;
  let browser: Browser;
  const worker = { email: 'pager@example.org', password: '' };

  beforeAll(async () => {
    install = await startDemoInstall(admin, 160);
    const api = await apiAs(install.server.url, admin.email, admin.password);
    worker.password = await createDemoStaff(api, { email: worker.email, displayName: 'Paging caseworker', role: 'caseworker', scope: 'agency' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  async function signIn(page: Page) {
    await page.goto(install.server.url);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('email').fill(worker.email);
    await page.getByTestId('password').fill(worker.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('current-password').fill(worker.password);
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('repeat-password').fill(NEW_PASSWORD);
    await page.getByTestId('change-password').click();
    await page.getByTestId('sign-out').waitFor();
    worker.password = NEW_PASSWORD;
  }

  it('pages from the first person to the last with Next and back with Previous, the banner on every page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    for (const language of ['en', 'ar'] as const) {
      await page.getByTestId(`lang-${language}`).click();
      await page.getByTestId('nav-people').click();
      const banner = page.getByTestId('demo-banner');
      await expect(banner.textContent()).resolves.toContain('LBN');
      await expect(banner.textContent()).resolves.toContain(language === 'en' ? 'Synthetic demo data' : 'بيانات تجريبية');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await page.getByTestId('person-row').first().waitFor();
      const total = Number(await page.getByTestId('people-total').getAttribute('data-total'));
      expect(total).toBeGreaterThan(25);
      await page.screenshot({ path: join(SCREENSHOTS, `demo-banner-people-${language}.png`) });

      const seen = new Set<string>();
      let pages = 0;
      for (;;) {
        await page.getByTestId('person-row').first().waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
          await page.screenshot({ path: join(SCREENSHOTS, `people-paging-failure-${language}.png`) });
          throw error;
        });
        const ids = await page.getByTestId('person-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-person-id')!));
        for (const id of ids) seen.add(id);
        pages += 1;
        const next = page.getByTestId('people-next');
        if (await next.isDisabled()) break;
        const first = ids[0]!;
        await next.click();
        await page.waitForFunction((previous) => document.querySelector('[data-testid="person-row"]')?.getAttribute('data-person-id') !== previous, first, { timeout: 15_000 }).catch(async (error: unknown) => {
          await page.screenshot({ path: join(SCREENSHOTS, `people-paging-failure-${language}.png`) });
          throw error;
        });
      }
      // Every person once, on ⌈total / 25⌉ pages; the last page's range ends at the total.
      expect(seen.size).toBe(total);
      expect(pages).toBe(Math.ceil(total / 25));
      await expect(page.getByTestId('people-range').textContent()).resolves.toContain(String(total));
      await page.screenshot({ path: join(SCREENSHOTS, `people-last-page-${language}.png`) });
      await page.getByTestId('people-previous').click();
      await expect(page.getByTestId('people-next').isEnabled()).resolves.toBe(true);
      // Other pages carry the banner too (the map, here).
      await page.getByTestId('nav-my-work').click();
      await banner.waitFor();
      // Back to the first page for the next language.
      await page.getByTestId('nav-people').click();
      while (await page.getByTestId('people-previous').isEnabled()) await page.getByTestId('people-previous').click();
    }
  });
});
