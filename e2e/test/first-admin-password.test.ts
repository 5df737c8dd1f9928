import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, spawnServe, type ServeProcess } from '../../packages/server/test/serve-process';
import { base32Decode, hotp, timeStep } from '../../packages/server/src/use-cases/sessions/totp';
import { launchChromium } from '../src/browser';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');
const NEW_PASSWORD = 'quiet river lantern morning';

/**
 * A fresh install without WAYMARK_ADMIN_*: `waymark serve` prints a one-time password,
 * and the first sign-in with it leads to one screen only, choosing a new password.
 */
describe('first administrator: one-time password → own password, in the browser', () => {
  let dataDir: string;
  let server: ServeProcess;
  let browser: Browser;
  let admin: { email: string; oneTimePassword: string };
  let recoveryCodes: string[] = [];
  const given = { email: process.env.WAYMARK_ADMIN_EMAIL, password: process.env.WAYMARK_ADMIN_PASSWORD };

  beforeAll(async () => {
    // The child inherits this process's environment: make sure no admin is given there.
    delete process.env.WAYMARK_ADMIN_EMAIL;
    delete process.env.WAYMARK_ADMIN_PASSWORD;
    dataDir = await mkdtemp(join(tmpdir(), 'waymark-e2e-'));
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await spawnServe({ WAYMARK_DATA_DIR: dataDir });
    // The password is in a file only this account reads, never in the output (the log stream).
    const file = join(dataDir, 'first-admin-password.txt');
    expect(server.output()).toContain(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const secret = await readFile(file, 'utf8');
    const email = /^\s*email:\s+(\S+)\s*$/m.exec(secret)?.[1];
    const oneTimePassword = /^\s*password:\s+(\S+)\s*$/m.exec(secret)?.[1];
    expect(email, secret).toBe('admin@waymark.local');
    expect(oneTimePassword, secret).toBeTruthy();
    expect(server.output()).not.toContain(oneTimePassword!);
    admin = { email: email!, oneTimePassword: oneTimePassword! };
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    if (server) await exited(server.child);
    await rm(dataDir, { recursive: true, force: true });
    if (given.email !== undefined) process.env.WAYMARK_ADMIN_EMAIL = given.email;
    if (given.password !== undefined) process.env.WAYMARK_ADMIN_PASSWORD = given.password;
  });

  async function signIn(page: Page, password: string) {
    await page.getByTestId('email').fill(admin.email);
    await page.getByTestId('password').fill(password);
    await page.getByTestId('sign-in').click();
  }

  it('asks for a new password first, checks the repeat, then opens the app', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await page.goto(server.url);
    await page.getByTestId('lang-en').click();
    await signIn(page, admin.oneTimePassword);

    // Only the change-password screen: no way into the rest of the app.
    await page.getByTestId('current-password').waitFor();
    expect(await page.getByTestId('nav-people').count()).toBe(0);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Choose a new password');

    // The repeat is checked in the browser: nothing is sent, the error sits by its field.
    await page.getByTestId('current-password').fill(admin.oneTimePassword);
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('repeat-password').fill(`${NEW_PASSWORD} evening`);
    await page.getByTestId('change-password').click();
    const mismatch = page.locator('#repeat-password-error [data-code="passwords_differ"]');
    await mismatch.waitFor();
    expect(await mismatch.innerText()).toContain('not the same');
    await expect.poll(() => page.getByTestId('repeat-password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('nav-people').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'en-change-password.png'), fullPage: true });

    await page.getByTestId('repeat-password').fill(NEW_PASSWORD);
    await page.getByTestId('change-password').click();

    // Administrators must set up a second factor before anything else.
    await page.getByTestId('mfa-begin').click();
    expect(await page.getByTestId('nav-people').count()).toBe(0);
    const secret = (await page.getByTestId('mfa-secret').innerText()).replace(/\s/g, '');
    expect(await page.getByTestId('mfa-uri').textContent()).toContain(`secret=${secret}`);
    await page.getByTestId('mfa-confirm-code').fill(hotp(base32Decode(secret), timeStep(new Date())));
    await page.getByTestId('mfa-confirm').click();
    const shown = page.getByTestId('recovery-codes').locator('li');
    await shown.first().waitFor();
    expect(await shown.count()).toBe(10);
    const recoveryCode = await shown.first().innerText();
    recoveryCodes = await shown.allInnerTexts();
    await page.screenshot({ path: join(SCREENSHOTS, 'en-mfa-recovery-codes.png'), fullPage: true });
    await page.getByTestId('mfa-done').click();
    await page.getByTestId('nav-people').waitFor();
    expect(await page.getByTestId('current-password').count()).toBe(0);

    // The same form from the header; a wrong current password is named at its field.
    await page.getByTestId('nav-password').click();
    await page.getByTestId('current-password').fill('not-my-password');
    await page.getByTestId('new-password').fill('another long passphrase');
    await page.getByTestId('repeat-password').fill('another long passphrase');
    await page.getByTestId('change-password').click();
    await page.locator('#current-password-error [data-code="wrong_password"]').waitFor();

    // Signed out, the one-time password no longer works and the new one does.
    await page.getByTestId('sign-out').click();
    await signIn(page, admin.oneTimePassword);
    await expect.poll(() => page.locator('.problem').getAttribute('data-code')).toBe('invalid_credentials');
    await signIn(page, NEW_PASSWORD);
    // The second step: the code just used cannot be replayed within its 30 s, so a recovery code.
    await page.getByTestId('mfa-use-recovery').click();
    await page.getByTestId('mfa-code').fill(recoveryCode);
    await page.getByTestId('mfa-submit').click();
    await page.getByTestId('nav-people').waitFor();
    expect(await page.getByTestId('current-password').count()).toBe(0);
    await page.close();
  });

  it('requires a second factor of everyone in the operation from the Administration page, in English and Arabic', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 }, locale: 'en-GB' });
    await page.goto(server.url);
    await page.getByTestId('lang-en').click();
    await signIn(page, NEW_PASSWORD);
    await page.getByTestId('mfa-use-recovery').click();
    await page.getByTestId('mfa-code').fill(recoveryCodes[1]!);
    await page.getByTestId('mfa-submit').click();
    await page.getByTestId('nav-admin').click();
    const panel = page.getByTestId('admin-security');
    await expect.poll(() => panel.getByTestId('security-current').innerText()).toContain('only the roles that can read highly sensitive content');
    // The roles come from the rule book: every role that reads highly sensitive content, named.
    expect(await panel.locator('p').first().innerText()).toContain('Protection officer');
    await page.getByTestId('security-mfa-everyone').check();
    await page.getByTestId('security-save').click();
    await expect.poll(() => page.getByTestId('security-saved').innerText()).toContain('everyone in this operation now needs a second factor');
    await expect.poll(() => panel.getByTestId('security-current').innerText()).toContain('everyone working in this operation');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'operation-second-factor-en.png'), fullPage: true });

    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.locator('#admin-security-heading').innerText()).toBe('العامل الثاني للتحقق');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('security-current').innerText()).toContain('يحتاج كل من يعمل في هذه العملية');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'operation-second-factor-ar.png'), fullPage: true });
    await page.close();
  });
  it('resets a locked-out user from the Administration page: a new one-time password, the old one dead, a new password first, in English and Arabic', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 }, locale: 'en-GB' });
    await page.goto(server.url);
    await page.getByTestId('lang-en').click();
    await signIn(page, NEW_PASSWORD);
    await page.getByTestId('mfa-use-recovery').click();
    await page.getByTestId('mfa-code').fill(recoveryCodes[2]!);
    await page.getByTestId('mfa-submit').click();
    await page.getByTestId('nav-admin').click();
    const email = 'field.officer@example.org';
    await page.getByTestId('new-user-email').fill(email);
    await page.getByTestId('new-user-name').fill('Field officer');
    await page.getByTestId('new-user-role').selectOption('caseworker');
    await page.getByTestId('new-user-scope').selectOption('agency');
    await page.getByTestId('new-user-save').click();
    const first = await page.getByTestId('new-user-password').innerText();

    const row = page.getByTestId('admin-user-row').filter({ hasText: email });
    await row.getByTestId('admin-reset-access').click();
    // A reason too short is named at its field; nothing is reset.
    await page.getByTestId('access-reset-reason').fill('lost');
    await page.getByTestId('access-reset-submit').click();
    await expect.poll(() => page.getByTestId('access-reset-reason').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('access-reset-reason').fill('Locked out by someone guessing; identity checked in person.');
    await page.getByTestId('access-reset-submit').click();
    const second = await page.getByTestId('access-reset-password').innerText();
    expect(second).not.toBe(first);
    expect(await page.getByTestId('access-reset-done').innerText()).toContain('no longer works');
    await page.getByTestId('access-reset').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'access-reset-en.png'), fullPage: true });
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.locator('#access-reset-heading').innerText()).toBe('إعادة ضبط تسجيل الدخول لـ Field officer');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('access-reset-done').innerText()).toContain('لم تعد كلمة مروره القديمة تعمل');
    await page.screenshot({ path: join(SCREENSHOTS, 'access-reset-ar.png'), fullPage: true });
    await page.close();

    // The user: the first password is dead, the new one leads to choosing a password, in Arabic.
    const user = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
    await user.goto(server.url);
    await user.getByTestId('lang-ar').click();
    await user.getByTestId('email').fill(email);
    await user.getByTestId('password').fill(first);
    await user.getByTestId('sign-in').click();
    await expect.poll(() => user.locator('.problem').getAttribute('data-code')).toBe('invalid_credentials');
    await user.getByTestId('password').fill(second);
    await user.getByTestId('sign-in').click();
    await user.getByTestId('current-password').waitFor();
    expect(await user.getByTestId('nav-people').count()).toBe(0);
    expect(await user.locator('html').getAttribute('dir')).toBe('rtl');
    await user.screenshot({ path: join(SCREENSHOTS, 'access-reset-change-password-ar.png'), fullPage: true });
    await user.close();
  });
});
