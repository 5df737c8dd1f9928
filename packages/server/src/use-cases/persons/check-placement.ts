import { err, ok, type Actor, type Result } from '@waymark/core';
import { findHouseholdInScope } from '../../db/households-repository';
import { findSite } from '../../db/operations-repository';
import type { Tx } from '../../db/transaction';
import { invalid, type Failure } from '../../failure';

export interface Placement {
  siteId: string | null;
  householdId: string | null;
  relationshipToHead: string | null;
}

/**
 * Site and household must exist in the same operation (the household inside the actor's
 * scope), and a household member has a role.
 */
export async function checkPlacement(tx: Tx, actor: Actor, operationId: string, placement: Placement): Promise<Result<{ siteSetting: string | null; siteAdminArea: string | null }, Failure>> {
  const problems: { code: string; path: string[]; message: string }[] = [];
  let siteSetting: string | null = null;
  let siteAdminArea: string | null = null;
  if (placement.siteId !== null) {
    const site = await findSite(tx, operationId, placement.siteId);
    if (!site) problems.push({ code: 'unknown_site', path: ['siteId'], message: 'no such site in this operation' });
    else {
      siteSetting = site.setting;
      siteAdminArea = site.admin_area_code;
    }
  }
  if (placement.householdId !== null) {
    const household = await findHouseholdInScope(tx, actor, placement.householdId);
    if (!household || household.operation_id !== operationId) problems.push({ code: 'unknown_household', path: ['householdId'], message: 'no such household in this operation' });
    if (placement.relationshipToHead === null) {
      problems.push({ code: 'required', path: ['relationshipToHead'], message: 'a household member needs a relationship to the head' });
    }
  } else if (placement.relationshipToHead !== null) {
    problems.push({ code: 'household_required', path: ['relationshipToHead'], message: 'relationship to head needs a household' });
  }
  return problems.length > 0 ? err(invalid(problems)) : ok({ siteSetting, siteAdminArea });
}
