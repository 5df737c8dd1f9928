import type { FieldProblem } from '@waymark/contracts';
import { decodePointer } from '../../api/json-pointer';

/** '/responses/owes_debt' and '/responses/work_kinds/1' belong to that item; anything else to the form. */
export function itemForPointer(pointer: string): string | null {
  const [head, itemId] = decodePointer(pointer);
  return head === 'responses' && itemId !== undefined && itemId !== '' ? itemId : null;
}

export function groupByItem(problems: readonly FieldProblem[]): { byItem: Map<string, FieldProblem[]>; general: FieldProblem[] } {
  const byItem = new Map<string, FieldProblem[]>();
  const general: FieldProblem[] = [];
  for (const problem of problems) {
    const itemId = itemForPointer(problem.path);
    if (itemId === null) general.push(problem);
    else byItem.set(itemId, [...(byItem.get(itemId) ?? []), problem]);
  }
  return { byItem, general };
}
