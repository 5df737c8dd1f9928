import { describe, expect, it } from 'vitest';
import ar from '../i18n/locales/ar.json';
import en from '../i18n/locales/en.json';
import { gateTitleKeyOf, titleKeyOf } from './page-title';
import type { Route } from '../shared/routes';
import { EXAMPLE_RECORD_ID as id, ONE_OF_EACH_ROUTE } from '../shared/route-examples';
import { flattenCatalogue, type Catalogue } from '../i18n/flatten-catalogue';

const textOf = (catalogue: Catalogue, key: string): string | undefined => flattenCatalogue(catalogue).get(key);

// One of each, and the page for an address that is none.
const ROUTES: Route[] = [...ONE_OF_EACH_ROUTE, { name: 'not-found' }];

describe('page titles', () => {
  it('name every screen in both languages, each screen its own title', () => {
    const keys = ROUTES.map(titleKeyOf);
    for (const key of keys) {
      expect(textOf(en, key), key).toBeTruthy();
      expect(textOf(ar, key), key).toBeTruthy();
    }
    expect(new Set(keys.map((key) => textOf(en, key))).size).toBe(ROUTES.length);
    expect(new Set(keys.map((key) => textOf(ar, key))).size).toBe(ROUTES.length);
  });

  it('never carry a record id (titles stay in the browser history)', () => {
    for (const route of ROUTES) expect(titleKeyOf(route)).not.toContain(id);
  });

  it('name the screens before the app: sign-in, second factor, one-time password', () => {
    const session = (verificationPending: boolean, enrolmentRequired: boolean, mustChangePassword: boolean) => ({ mfa: { verificationPending, enrolmentRequired }, user: { mustChangePassword } });
    expect(gateTitleKeyOf(undefined)).toBeNull();
    expect(gateTitleKeyOf(null)).toBe('signIn.heading');
    expect(gateTitleKeyOf(session(true, false, false))).toBe('mfa.verifyHeading');
    expect(gateTitleKeyOf(session(false, true, false))).toBe('mfa.enrolHeading');
    expect(gateTitleKeyOf(session(false, true, true))).toBe('password.oneTimeHeading');
    expect(gateTitleKeyOf(session(false, false, false))).toBeNull();
    for (const key of ['signIn.heading', 'mfa.verifyHeading', 'mfa.enrolHeading', 'password.oneTimeHeading']) expect(textOf(ar, key), key).toBeTruthy();
  });
});
