import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServeProcess } from '../../packages/server/test/serve-process';
import { apiAs } from '../src/api';
import { createDemoStaff } from '../src/staff';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';

const admin = { email: 'map-admin@example.org', password: 'a-long-e2e-password' };
// Real geoBoundaries ids (shipped in packages/server/boundaries): Béqaa governorate, Zahle district.
const BEQAA = 'LBN-ADM1-68408151B75078641';
const ZAHLE = 'LBN-ADM2-6925839B82417463';

/**
 * The population risk map of the demo population: Lebanon's governorates drawn from the
 * shipped boundaries with the counts core/disclosure allows, a drill-down from governorate
 * to district to its sites and on to the list of people at one site, in English and Arabic.
 */
describe('the population risk map, in the browser', () => {
  let install: DemoInstall;
  let server: ServeProcess;
  let browser: Browser;

  beforeAll(async () => {
    install = await startDemoInstall(admin, 1500);
    server = install.server;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  async function openMap(page: Page, language: 'en' | 'ar') {
    await page.goto(server.url);
    await page.getByTestId('email').fill(admin.email);
    await page.getByTestId('password').fill(admin.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('nav-map').waitFor();
    await page.getByTestId(`lang-${language}`).click();
    await page.getByTestId('nav-map').click();
    const operation = page.getByTestId('map-operation');
    if ((await operation.count()) > 0) await operation.selectOption({ label: 'Lebanon' });
    await expect.poll(() => page.getByTestId('map-area').count()).toBe(9);
  }

  it('draws the governorates, then drills down to a district, its sites and the people at one site', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'en-GB' });
    await openMap(page, 'en');
    // Every governorate is drawn; those with people are coloured by a count or hatched as hidden, never a made-up 0.
    const states = () => page.getByTestId('map-area').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-state')));
    await expect.poll(async () => (await states()).filter((s) => s === 'count').length).toBeGreaterThan(3);
    expect(await page.getByTestId('map-legend').innerText()).toContain('Hidden (small numbers)');
    expect(await page.getByTestId('map-attribution').innerText()).toContain('geoBoundaries');
    // The page says what the method does (no rolling into the area above any more), and that an administrator sees live figures.
    const intro = await page.locator('.risk-map > p.muted').first().innerText();
    expect(intro).toContain('cell-key method');
    expect(intro).not.toContain('area above');
    expect(await page.getByTestId('figures-note').getAttribute('data-source')).toBe('live');
    // The numbers on the map agree with the aggregate API (same protected table).
    const api = await apiAs(server.url, admin.email, admin.password);
    const operations = (await api('GET', '/operations')).body as { items: Array<{ id: string; code: string }> };
    const lebanon = operations.items.find((o) => o.code === 'LBN')!;
    const table = (await api('GET', `/population/aggregates?operationId=${lebanon.id}&by=area&level=1`)).body as { rows: Array<{ key: string; total: number | null }> };
    const beqaa = table.rows.find((row) => row.key === BEQAA)!;
    expect(beqaa.total).toBeGreaterThan(0);
    const beqaaRow = page.locator(`[data-testid="map-table-row"][data-key="${BEQAA}"]`);
    expect(await beqaaRow.innerText()).toContain(String(beqaa.total));
    await page.getByTestId('trend-chart').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'risk-map-en.png'), fullPage: true });

    // Governorate → its districts.
    await page.locator(`[data-testid="map-area"][data-code="${BEQAA}"]`).click();
    await expect.poll(() => page.locator(`[data-testid="map-area"][data-code="${ZAHLE}"]`).count()).toBe(1);
    expect(await page.getByTestId('map-breadcrumbs').innerText()).toContain('Béqaa');
    // District → its sites, each with the way to its people.
    await page.locator(`[data-testid="map-area"][data-code="${ZAHLE}"]`).click();
    await expect.poll(() => page.getByTestId('map-table-row').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Zahle informal settlements')]));
    await page.screenshot({ path: join(SCREENSHOTS, 'risk-map-drilldown-en.png'), fullPage: true });
    const site = page.locator('[data-testid="map-table-row"]', { hasText: 'Zahle informal settlements' });
    await site.getByTestId('map-open-site-people').click();
    // The people list, filtered in SQL to that site.
    await expect.poll(() => page.getByTestId('people-total').getAttribute('data-total')).not.toBe('0');
    const siteFilter = await page.getByTestId('filter-site').inputValue();
    expect(siteFilter).not.toBe('');
    const listed = Number(await page.getByTestId('people-total').getAttribute('data-total'));
    const people = (await api('GET', `/persons?siteId=${siteFilter}&limit=1`)).body as { total: number };
    expect(listed).toBe(people.total);
    await page.close();
  });

  it('an analyst drills down to the sites too, but is offered no list of people', async () => {
    const api = await apiAs(server.url, admin.email, admin.password);
    const oneTime = await createDemoStaff(api, { email: 'map-analyst@example.org', displayName: 'Information analyst', role: 'analyst', scope: 'operation' });
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'en-GB' });
    await page.goto(server.url);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('email').fill('map-analyst@example.org');
    await page.getByTestId('password').fill(oneTime);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('current-password').fill(oneTime);
    await page.getByTestId('new-password').fill('a quiet map of many places');
    await page.getByTestId('repeat-password').fill('a quiet map of many places');
    await page.getByTestId('change-password').click();
    await page.getByTestId('nav-map').click();
    await expect.poll(() => page.getByTestId('map-area').count()).toBe(9);
    await page.locator(`[data-testid="map-area"][data-code="${BEQAA}"]`).click();
    await expect.poll(() => page.locator(`[data-testid="map-area"][data-code="${ZAHLE}"]`).count()).toBe(1);
    await page.locator(`[data-testid="map-area"][data-code="${ZAHLE}"]`).click();
    await expect.poll(() => page.getByTestId('map-table-row').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Zahle informal settlements')]));
    expect(await page.getByTestId('map-open-site-people').count()).toBe(0);
    expect(await page.getByTestId('map-open-area-people').count()).toBe(0);
    // An analyst reads the release the seed cut (issue 12 §2, time differencing), and is told so.
    expect(await page.getByTestId('figures-note').getAttribute('data-source')).toBe('release');
    expect(await page.getByTestId('figures-note').innerText()).toContain('Figures as released on');
    await page.screenshot({ path: join(SCREENSHOTS, 'risk-map-analyst-en.png'), fullPage: true });
    await page.close();
  });

  it('reads right to left in Arabic, with the same map', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'ar' });
    await openMap(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('main h1').innerText()).toBe('خريطة المخاطر');
    expect(await page.locator('.risk-map > p.muted').first().innerText()).toContain('طريقة مفتاح الخلية');
    expect(await page.getByTestId('figures-note').innerText()).toContain('أرقام حيّة');
    await page.getByTestId('trend-chart').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'risk-map-ar.png'), fullPage: true });
    await page.close();
  });
});
