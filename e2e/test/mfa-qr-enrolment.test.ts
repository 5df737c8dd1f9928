import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeQR } from '@paulmillr/qr/decode.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, spawnServe, type ServeProcess } from '../../packages/server/test/serve-process';
import { base32Decode, hotp, timeStep } from '../../packages/server/src/use-cases/sessions/totp';
import { launchChromium } from '../src/browser';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');
const admin = { email: 'admin@example.org', password: 'a-long-e2e-password' };
const OFFICER = { email: 'protection.officer@example.org', password: 'quiet river under the old bridge' };

/**
 * Reads the QR code as a phone would: the pixels Chromium drew on the enrolment screen,
 * decoded here, not the text beside them. The screenshot's PNG is turned into pixels on a
 * blank page (no app, no CSP) and the decoder runs in Node.
 */
async function readQrCode(browser: Browser, page: Page): Promise<string> {
  const png = await page.getByTestId('mfa-qr').screenshot();
  const blank = await browser.newPage();
  const pixels = await blank.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  }, png.toString('base64'));
  await blank.close();
  return decodeQR({ width: pixels.width, height: pixels.height, data: Uint8Array.from(pixels.data) });
}

/**
 * Second-factor enrolment by scanning: the QR code on the screen holds the otpauth URI with
 * the key that is also shown as text; the code computed from the scanned key confirms the
 * enrolment and later signs in. Nothing but the app's own API is asked for anything.
 */
describe('second-factor enrolment by QR code, in English and Arabic', () => {
  let dataDir: string;
  let server: ServeProcess;
  let browser: Browser;
  let officerOneTime = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'waymark-e2e-'));
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await spawnServe({ WAYMARK_DATA_DIR: dataDir, WAYMARK_ADMIN_EMAIL: admin.email, WAYMARK_ADMIN_PASSWORD: admin.password });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    if (server) await exited(server.child);
    await rm(dataDir, { recursive: true, force: true });
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.getByTestId('email').fill(email);
    await page.getByTestId('password').fill(password);
    await page.getByTestId('sign-in').click();
  }

  /** Begins enrolment, scans the code, checks it against the text fallback; the secret. */
  async function scan(page: Page): Promise<string> {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.getByTestId('mfa-begin').click();
    await page.getByTestId('mfa-qr').waitFor();
    const uri = await readQrCode(browser, page);
    const url = new URL(uri);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    const secret = url.searchParams.get('secret')!;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    // The fallback key and the setup link say the same as the picture.
    expect((await page.getByTestId('mfa-secret').innerText()).replace(/\s/g, '')).toBe(secret);
    expect(await page.getByTestId('mfa-uri').textContent()).toBe(uri);
    // The QR code is drawn here: no request after the enrolment call carries the secret.
    expect(requests.filter((address) => address.includes(secret))).toEqual([]);
    return secret;
  }

  /** Confirms with the current step's code; the step it used (the next sign-in uses the one after). */
  async function confirm(page: Page, secret: string): Promise<number> {
    const step = timeStep(new Date());
    await page.getByTestId('mfa-confirm-code').fill(hotp(base32Decode(secret), step));
    await page.getByTestId('mfa-confirm').click();
    await page.getByTestId('recovery-codes').locator('li').first().waitFor();
    await page.getByTestId('mfa-done').click();
    return step;
  }

  it('an administrator scans the code in English, confirms, and signs in again with a code from it', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1300 }, locale: 'en-GB' });
    await page.goto(server.url);
    await page.getByTestId('lang-en').click();
    await signIn(page, admin.email, admin.password);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Set up a second factor');
    // The page title follows the screen (and, below, the language).
    await expect.poll(() => page.title()).toBe('Set up a second factor · Waymark');
    const secret = await scan(page);
    expect(await page.getByTestId('mfa-qr').getAttribute('aria-label')).toBe('QR code for setting up the authenticator app');
    // The key and the link read left to right whatever the page's direction.
    expect(await page.locator('.mfa-secret').getAttribute('dir')).toBe('ltr');
    await page.screenshot({ path: join(SCREENSHOTS, 'mfa-qr-en.png'), fullPage: true });
    const step = await confirm(page, secret);
    await page.getByTestId('nav-people').waitFor();
    await expect.poll(() => page.title()).toBe('People · Waymark');

    // Signed out and in again: the scanned key gives the second step's code.
    await page.getByTestId('sign-out').click();
    await signIn(page, admin.email, admin.password);
    await page.getByTestId('mfa-code').fill(hotp(base32Decode(secret), step + 1));
    await page.getByTestId('mfa-submit').click();
    await page.getByTestId('nav-people').waitFor();

    // A protection officer (a role that reads highly sensitive content) for the Arabic half.
    await page.getByTestId('nav-admin').click();
    await expect.poll(() => page.title()).toBe('Administration · Waymark');
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.title()).toBe('الإدارة · وايمارك');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('new-user-email').fill(OFFICER.email);
    await page.getByTestId('new-user-name').fill('Protection officer');
    await page.getByTestId('new-user-role').selectOption('protection_officer');
    await page.getByTestId('new-user-scope').selectOption('agency');
    await page.getByTestId('new-user-save').click();
    officerOneTime = await page.getByTestId('new-user-password').innerText();
    await page.close();
  });

  it('a protection officer scans the code in Arabic (the key and link stay left to right) and signs in with a code from it', async () => {
    expect(officerOneTime).not.toBe('');
    const page = await browser.newPage({ viewport: { width: 1000, height: 1300 }, locale: 'ar' });
    await page.goto(server.url);
    await page.getByTestId('lang-ar').click();
    await signIn(page, OFFICER.email, officerOneTime);
    await page.getByTestId('current-password').fill(officerOneTime);
    await page.getByTestId('new-password').fill(OFFICER.password);
    await page.getByTestId('repeat-password').fill(OFFICER.password);
    await page.getByTestId('change-password').click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('إعداد عامل تحقق ثانٍ');
    await expect.poll(() => page.title()).toBe('إعداد عامل تحقق ثانٍ · وايمارك');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const secret = await scan(page);
    expect(await page.getByTestId('mfa-qr').getAttribute('aria-label')).toBe('رمز QR لإعداد تطبيق المصادقة');
    expect(await page.locator('.mfa-secret').getAttribute('dir')).toBe('ltr');
    expect(await page.getByTestId('mfa-uri').evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    await page.locator('details').first().evaluate((element) => element.setAttribute('open', ''));
    await page.screenshot({ path: join(SCREENSHOTS, 'mfa-qr-ar.png'), fullPage: true });
    const step = await confirm(page, secret);
    await page.getByTestId('sign-out').click();
    await signIn(page, OFFICER.email, OFFICER.password);
    await page.getByTestId('mfa-code').fill(hotp(base32Decode(secret), step + 1));
    await page.getByTestId('mfa-submit').click();
    await page.getByTestId('nav-people').waitFor();
    await page.close();
  });
});
