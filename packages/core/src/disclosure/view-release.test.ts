import { describe, expect, it } from 'vitest';
import { coverageCountsOf, coverageRows, type CoverageCount } from '../programmes/coverage';
import { parseWorkplaceRowKey, publishLabour, workplaceRowKey } from '../labour/publish-labour';
import { publishCount } from './cell-key';
import { groupChanges, planViewRelease, type KeyedRow } from './view-release';

const row = (family: string, area: string, r: string, n: number, keySum: number): KeyedRow => ({ family, area, row: r, n, keySum });

describe('releases of coverage and labour rows', () => {
  it('measures changes per family and area: newcomers one each, a move one per two rows, a swap by its keys', () => {
    const released = [row('targeted', 'A', 'female|18-59', 4, 10), row('targeted', 'A', 'male|18-59', 2, 7), row('people', 'A', '', 3, 5)];
    const live = [row('targeted', 'A', 'female|18-59', 5, 21), row('targeted', 'A', 'male|18-59', 2, 8), row('people', 'A', '', 3, 5)];
    // One more woman (+1), and a man swapped for another (same count, other keys: at least one).
    expect(groupChanges(live, released)).toEqual([{ area: 'targeted A', net: 1, movements: 3 }]);
  });

  it('refreshes a family in an area only with k records changed, holds the rest, and keeps families apart', () => {
    const released = [row('workplaces', 'A', 'C|', 3, 1), row('people', 'A', '', 2, 2)];
    const live = [row('workplaces', 'A', 'C|', 8, 99), row('people', 'A', '', 3, 7)];
    const plan = planViewRelease(live, released, 5);
    expect(plan.refreshed).toEqual(['workplaces A']);
    expect(plan.held).toEqual(['people A']);
    expect(plan.rows).toEqual(expect.arrayContaining([row('workplaces', 'A', 'C|', 8, 99), row('people', 'A', '', 2, 2)]));
    expect(plan.rows).toHaveLength(2);
  });

  it('lets a family be held further (in-need waits for its area’s population release)', () => {
    const live = [row('inNeed', 'A', 'female|18-59', 9, 1), row('targeted', 'A', 'female|18-59', 6, 2)];
    const held = planViewRelease(live, [], 5, (family, area) => family !== 'inNeed' || area === 'B');
    expect(held.refreshed).toEqual(['targeted A']);
    expect(held.held).toEqual(['inNeed A']);
    expect(planViewRelease(live, [], 5, (family, area) => family !== 'inNeed' || area === 'A').refreshed).toEqual(['inNeed A', 'targeted A']);
  });

  it('keeps coverage counts and keys through rows and back', () => {
    const counts: CoverageCount[] = [
      { adminAreaCode: 'A', sex: 'female', ageBracket: '18-59', inNeed: 3, targeted: 1, reached: 0, keys: { inNeed: 30, targeted: 10, reached: 0 } },
      { adminAreaCode: null, sex: 'male', ageBracket: '0-4', inNeed: 0, targeted: 2, reached: 2, keys: { inNeed: 0, targeted: 5, reached: 5 } },
    ];
    expect(coverageCountsOf(coverageRows(counts))).toEqual(counts);
  });
});

describe('the labour layer by the cell-key method', () => {
  it('reads sector and indicator sets back from a row key, indicators sorted and once', () => {
    expect(workplaceRowKey('C_Manufacturing', ['b', 'a', 'b'])).toBe('C_Manufacturing|a,b');
    expect(parseWorkplaceRowKey('C_Manufacturing|a,b')).toEqual({ sector: 'C_Manufacturing', indicators: ['a', 'b'] });
    expect(parseWorkplaceRowKey('C_Manufacturing|')).toEqual({ sector: 'C_Manufacturing', indicators: [] });
  });

  it('publishes every count from the keys of the workplaces or people in it, the same sets giving the same number', () => {
    const rows = [
      row('workplaces', 'A', workplaceRowKey('A_AgricultureForestryAndFishing', ['excessive_overtime']), 5, 1_000_003),
      row('workplaces', 'A', workplaceRowKey('A_AgricultureForestryAndFishing', []), 1, 77),
      row('workplaces', 'A', workplaceRowKey('F_Construction', ['excessive_overtime', 'retention_of_identity_documents']), 1, 555),
      row('people', 'A', '', 9, 424_242),
    ];
    const published = publishLabour(rows, 5);
    const [area] = published.areas;
    expect(area!.workplaces).toBe(publishCount({ n: 7, keySum: 1_000_003 + 77 + 555 }, 5));
    expect(area!.bySector.A_AgricultureForestryAndFishing ?? null).toBe(publishCount({ n: 6, keySum: 1_000_080 }, 5));
    // The construction site alone: never shown as 1, so its column does not appear either.
    expect(area!.bySector.F_Construction).toBeUndefined();
    expect(area!.byIndicator.excessive_overtime).toBe(publishCount({ n: 6, keySum: 1_000_003 + 555 }, 5));
    expect(area!.byIndicator.retention_of_identity_documents).toBeNull();
    // "With indicators" is the same six workplaces as excessive overtime: the same number.
    expect(area!.workplacesWithIndicators).toBe(area!.byIndicator.excessive_overtime);
    expect(area!.peopleLinked).toBe(publishCount({ n: 9, keySum: 424_242 }, 5));
  });
});
