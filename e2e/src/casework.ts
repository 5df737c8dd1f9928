import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { apiAs } from './api';

type Api = Awaited<ReturnType<typeof apiAs>>;

/** Consent to case management: an adult's own, else a carer's with the child's assent (as the fixtures do). */
export async function consentToCaseManagement(api: Api, personId: string): Promise<void> {
  const path = `/persons/${personId}/consents`;
  const own = await api('POST', path, { purpose: 'case_management', decision: 'given', method: 'written', givenBy: 'self' });
  if (own.status === 201) return;
  const byCarer = await api('POST', path, { purpose: 'case_management', decision: 'given', method: 'written', givenBy: 'carer', carerRelationship: 'parent', childAssent: 'yes', assentMethod: 'written' });
  expect(byCarer.status, JSON.stringify(byCarer.body)).toBe(201);
}

/** Signs in through the web app's form in the chosen language and waits for the navigation. */
export async function signInAs(page: Page, base: string, who: { email: string; password: string }, language: 'en' | 'ar'): Promise<void> {
  await page.goto(base);
  await page.getByTestId(`lang-${language}`).click();
  await page.getByTestId('email').fill(who.email);
  await page.getByTestId('password').fill(who.password);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('nav-my-work').waitFor();
}
