import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServeProcess } from '../../packages/server/test/serve-process';
import { apiAs } from '../src/api';
import { createDemoStaff } from '../src/staff';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';

const admin = { email: 'admin@example.org', password: 'a-long-e2e-password' };
const analyst = { email: 'hxl-analyst@example.org', password: '' };
const NEW_PASSWORD = 'numbers that travel between agencies';

/** A cell as the screen shows it ("1,234", or "hidden" where withheld) → the number, or null. */
const screenNumber = (text: string): number | null => (!/\d/.test(text) ? null : Number(text.replace(/[^\d]/g, '')));
/** A cell as the HXL file carries it: empty where withheld. */
const fileNumber = (text: string): number | null => (text === '' ? null : Number(text));

/**
 * Done-when of the exports work: an information analyst downloads the HXL export of the
 * report they are looking at, and the file, re-read the way an HXL tool reads it (by
 * hashtag), carries exactly the numbers on the screen, with the same cells withheld.
 */
describe('an HXL export carries the numbers on the screen', () => {
  let install: DemoInstall;
  let server: ServeProcess;
  let browser: Browser;

  beforeAll(async () => {
    install = await startDemoInstall(admin, 400);
    server = install.server;
    const api = await apiAs(server.url, admin.email, admin.password);
    analyst.password = await createDemoStaff(api, { email: analyst.email, displayName: 'Information analyst', role: 'analyst', scope: 'operation' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  let page: Page;

  it('reads the reports table, downloads the HXL file, and finds the same numbers in it', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true });
    await page.goto(server.url);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('email').fill(analyst.email);
    await page.getByTestId('password').fill(analyst.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('current-password').fill(analyst.password);
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('repeat-password').fill(NEW_PASSWORD);
    await page.getByTestId('change-password').click();

    // The screen: every row of the report, its area and its numbers as shown.
    await expect.poll(() => page.getByTestId('risk-area-row').count()).toBeGreaterThan(0);
    const noArea = 'No area recorded';
    const onScreen = await page.getByTestId('risk-area-row').evaluateAll((rows) =>
      rows.map((row) => ({
        area: row.querySelector('th')!.textContent ?? '',
        cells: Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? ''),
      })),
    );
    const screen = new Map(onScreen.map((row) => [row.area === noArea ? '' : row.area, row.cells.map(screenNumber)]));
    expect(screen.size).toBe(onScreen.length);

    // The download, as the reader gets it: through the button, saved by the browser.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-hxl').click()]);
    expect(download.suggestedFilename()).toMatch(/^waymark-risk-by-area-\d{4}-\d{2}-\d{2}\.hxl\.csv$/);
    await page.getByTestId('export-saved').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'hxl-export.png'), fullPage: true });
    // The same buttons and note in Arabic, right to left.
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.screenshot({ path: join(SCREENSHOTS, 'hxl-export-ar.png'), fullPage: true });
    const [header, hashtags, ...rows] = parseCsv(await readFile(await download.path())) as string[][];

    // The demo is synthetic and every row says so in its first column, whatever is pasted elsewhere.
    expect(header![0]).toBe('Data');
    expect(hashtags![0]).toBe('#meta+synthetic');
    expect(rows.every((row) => row[0] === 'synthetic demo')).toBe(true);
    // Re-read as an HXL tool would: columns found by hashtag, not by position.
    expect(header![1]).toBe('Admin area code');
    const column = (tag: string) => {
      const index = hashtags!.indexOf(tag);
      expect(index, `${tag} in ${hashtags!.join(',')}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    // The demo's areas are geoBoundaries ADM2 districts, and the file says so.
    const area = column('#adm2+code');
    const tags = ['#population+ind+total', '#affected+ind+risk_low', '#affected+ind+risk_medium', '#affected+ind+risk_high', '#affected+ind+risk_critical', '#population+ind+unscreened'];
    const indexes = tags.map(column);
    const file = new Map(rows.map((row) => [row[area]!, indexes.map((i) => fileNumber(row[i]!))]));

    expect([...file.keys()].sort()).toEqual([...screen.keys()].sort());
    for (const [code, numbers] of screen) expect(file.get(code), code).toEqual(numbers);
    // The demo population is large enough for real numbers, and small cells are withheld in both.
    const all = [...file.values()].flat();
    expect(all.filter((n) => n !== null && n >= 5).length).toBeGreaterThan(0);
    expect(all.every((n) => n === null || n === 0 || n >= 5)).toBe(true);
  });
  it('the risk map’s area table downloads as HXL with the same numbers as on the map page', async () => {
    await page.getByTestId('lang-en').click();
    await page.getByTestId('nav-map').click();
    await expect.poll(() => page.getByTestId('map-table-row').count()).toBeGreaterThan(0);
    // Each row: its key, then the total and the five risk columns as shown (the last cell holds buttons).
    const onScreen = await page.getByTestId('map-table-row').evaluateAll((rows) =>
      rows.map((row) => ({ key: row.getAttribute('data-key') ?? '', cells: Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '').slice(0, 6) })),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-map-table').getByTestId('export-hxl').click()]);
    expect(download.suggestedFilename()).toMatch(/^waymark-population-.*\.hxl\.csv$/);
    await page.getByTestId('export-map-table').getByTestId('export-saved').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'hxl-export-map.png'), fullPage: true });
    const [, hashtags, ...rows] = parseCsv(await readFile(await download.path())) as string[][];
    const tags = ['#population+ind+total', '#affected+ind+risk_low', '#affected+ind+risk_medium', '#affected+ind+risk_high', '#affected+ind+risk_critical', '#population+ind+unscreened'];
    const indexes = tags.map((tag) => hashtags!.indexOf(tag));
    expect(indexes.every((i) => i > 0), hashtags!.join(',')).toBe(true);
    // The demo is synthetic and says so first; its top level is the governorates (ADM1), and the file says so.
    expect(hashtags![0]).toBe('#meta+synthetic');
    const key = hashtags!.indexOf('#adm1+code');
    expect(key).toBe(1);
    const file = new Map(rows.map((row) => [row[key]!, indexes.map((i) => fileNumber(row[i]!))]));
    expect([...file.keys()].sort()).toEqual(onScreen.map((row) => row.key).sort());
    for (const row of onScreen) expect(file.get(row.key), row.key).toEqual(row.cells.map(screenNumber));
  });
});
