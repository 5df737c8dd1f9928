import type { Client } from './test-app';

const BY_SELF = { decision: 'given', method: 'written', givenBy: 'self' } as const;
// Meets every child band of domain.md §8: a parent's consent with the child's written assent.
const BY_PARENT = { decision: 'given', method: 'written', givenBy: 'carer', carerRelationship: 'parent', childAssent: 'yes', assentMethod: 'written' } as const;

/**
 * Records a grant of consent so that tests about something else (screening) can act. An
 * adult's own consent first; a child's (refused with 400) by a parent with the child's assent.
 */
export async function giveConsent(client: Client, personId: string, purpose = 'case_management', extra: Record<string, unknown> = {}): Promise<string> {
  const path = `/api/v1/persons/${personId}/consents`;
  let response = await client.request('POST', path, { purpose, ...BY_SELF, ...extra });
  if (response.status === 400) response = await client.request('POST', path, { purpose, ...BY_PARENT, ...extra });
  if (response.status !== 201) throw new Error(`consent not recorded: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { id: string }).id;
}
