import { can, type Actor } from '@waymark/core';
import { caseNamesOf } from '../../db/case-names-repository';
import type { Db, Tx } from '../../db/transaction';

export interface CaseName {
  caseNumber: string;
  /** Null when this reader may not see the person, or the person was anonymised. */
  subjectName: string | null;
}

/**
 * Names a set of cases for this reader: number, and the person's name where the rule book
 * lets the reader read that person (the verb here, the scope in the query).
 */
export async function caseNames(db: Db | Tx, actor: Actor, caseIds: readonly string[]): Promise<Map<string, CaseName>> {
  const rows = await caseNamesOf(db, actor, caseIds);
  const readsPeople = can(actor, 'person.read');
  return new Map(
    rows.map((row) => {
      const parts = readsPeople ? [row.given_name, row.family_name].filter((part): part is string => typeof part === 'string' && part.trim() !== '') : [];
      return [row.id, { caseNumber: row.case_number, subjectName: parts.length > 0 ? parts.join(' ') : null }];
    }),
  );
}
