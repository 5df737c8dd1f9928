import { ageInYears, DEFAULT_CONSENT_AGES, type ConsentAgeSettings } from '@waymark/core';
import { findConsentSettings } from '../../db/consents-repository';
import type { PersonRow } from '../../db/schema';
import type { Tx } from '../../db/transaction';

/** The person's age now and the operation's assent ages: what the child rules are read against. */
export async function consentSubject(tx: Tx, person: PersonRow, now: Date): Promise<{ age: number | null; settings: ConsentAgeSettings }> {
  const settings = (await findConsentSettings(tx, person.operation_id)) ?? DEFAULT_CONSENT_AGES;
  return { age: ageInYears({ dateOfBirth: person.date_of_birth, birthYear: person.birth_year }, now), settings };
}
