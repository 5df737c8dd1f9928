import { describe, expect, it } from 'vitest';
import { TODAY } from './fixtures.test-helpers';
import { checkQueueCases, resettlementQueue, type QueueCase } from './queue';

const c = (caseId: string, priority: QueueCase['priority'], risk: QueueCase['risk'], waitingSince: string): QueueCase => ({ caseId, priority, risk, waitingSince });
const ids = (cases: QueueCase[]) => resettlementQueue(cases, TODAY).map((e) => e.case.caseId);

describe('resettlement queue order', () => {
  it('puts higher priority first, whatever the risk or waiting time, both ways round', () => {
    const emergency = c('e', 'emergency', 'low', '2026-11-20');
    const normal = c('n', 'normal', 'critical', '2020-01-01');
    expect(ids([emergency, normal])).toEqual(['e', 'n']);
    expect(ids([normal, emergency])).toEqual(['e', 'n']);
    expect(ids([c('n', 'normal', 'high', '2026-01-01'), c('u', 'urgent', 'low', '2026-11-01'), c('e', 'emergency', 'low', '2026-11-24')])).toEqual(['e', 'u', 'n']);
  });

  it('within a priority, puts higher risk first whatever the waiting time', () => {
    const risks = [c('low', 'urgent', 'low', '2019-01-01'), c('crit', 'urgent', 'critical', '2026-11-24'), c('med', 'urgent', 'medium', '2020-01-01'), c('high', 'urgent', 'high', '2026-10-01')];
    expect(ids(risks)).toEqual(['crit', 'high', 'med', 'low']);
    expect(ids([...risks].reverse())).toEqual(['crit', 'high', 'med', 'low']);
  });

  it('within priority and risk, puts the longest wait first', () => {
    expect(ids([c('short', 'normal', 'high', '2026-06-01'), c('long', 'normal', 'high', '2025-01-01')])).toEqual(['long', 'short']);
    expect(ids([c('long', 'normal', 'high', '2025-01-01'), c('short', 'normal', 'high', '2026-06-01')])).toEqual(['long', 'short']);
  });

  it('breaks full ties by case id, whatever the input order', () => {
    const tied = [c('case-b', 'normal', 'low', '2026-01-01'), c('case-c', 'normal', 'low', '2026-01-01'), c('case-a', 'normal', 'low', '2026-01-01')];
    expect(ids(tied)).toEqual(['case-a', 'case-b', 'case-c']);
    expect(ids([...tied].reverse())).toEqual(['case-a', 'case-b', 'case-c']);
  });

  it('counts an unreadable or future date as no wait, and reports it', () => {
    const cases = [c('bad', 'normal', 'low', 'soon'), c('future', 'normal', 'low', '2027-01-01'), c('ok', 'normal', 'low', '2026-11-01'), c('ok', 'normal', 'low', '2026-11-01')];
    const queue = resettlementQueue(cases, TODAY);
    expect(queue.map((e) => [e.case.caseId, e.waitingDays])).toEqual([['ok', 24], ['ok', 24], ['bad', 0], ['future', 0]]);
    expect(checkQueueCases(cases, TODAY).map((p) => [p.code, p.path.join('/')])).toEqual([
      ['invalid_date', '0/waitingSince'],
      ['date_in_future', '1/waitingSince'],
      ['duplicate_case_id', '3/caseId'],
    ]);
  });

  it('is empty for no cases', () => {
    expect(resettlementQueue([], TODAY)).toEqual([]);
  });
});

describe('resettlement queue explanations', () => {
  const cases = [
    c('e1', 'emergency', 'critical', '2025-09-20'),
    c('n1', 'normal', 'critical', '2024-01-01'),
    c('n2', 'normal', 'critical', '2025-01-01'),
    c('n3', 'normal', 'high', '2023-01-01'),
    c('u1', 'urgent', 'medium', '2026-10-01'),
    c('u2', 'urgent', 'high', '2026-11-01'),
    c('u3', 'urgent', 'high', '2026-11-01'),
  ];
  const queue = resettlementQueue(cases, TODAY);
  const entry = (id: string) => queue.find((e) => e.case.caseId === id)!;

  it('orders the example as documented', () => {
    expect(queue.map((e) => e.case.caseId)).toEqual(['e1', 'u2', 'u3', 'u1', 'n1', 'n2', 'n3']);
    expect(queue.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('gives the entry its own keys in words, in English and Arabic', () => {
    expect(entry('e1').waitingMonths).toBe(14);
    expect(entry('e1').explanation.en).toMatch(/^Position 1 of 7: emergency priority; critical risk; waiting 14 months\./);
    expect(entry('e1').explanation.ar).toContain('أولوية طارئة؛ خطر حرج؛ في الانتظار منذ 14 شهراً');
  });

  it('names the deciding factor against the next case', () => {
    expect(entry('e1').reasons.aheadOfNextBecause).toBe('priority');
    expect(entry('e1').explanation.en).toContain('Ahead of the next case because its priority is higher.');
    expect(entry('u3').reasons.aheadOfNextBecause).toBe('risk');
    expect(entry('u3').explanation.en).toContain('because its risk is higher');
    expect(entry('n1').reasons.aheadOfNextBecause).toBe('waiting');
    expect(entry('n1').explanation.en).toContain('because it has waited longer (1059 days against 693)');
    expect(entry('u2').reasons.aheadOfNextBecause).toBe('case_id');
    expect(entry('u2').explanation.en).toContain('ordered by case id');
    expect(entry('n3').reasons.aheadOfNextBecause).toBeNull();
    expect(entry('n3').explanation.en).toContain('Last in the queue.');
    expect(entry('u3').reasons.behindPreviousBecause).toBe('case_id');
  });

  it('says which cases it passes because priority comes first', () => {
    // u1 (urgent, medium) is ahead of n1, n2 (critical) and n3 (high).
    expect(entry('u1').reasons.aheadOfHigherRisk).toBe(3);
    expect(entry('u1').explanation.en).toContain('Ahead of 3 lower-priority cases with higher risk because priority comes first.');
    expect(entry('u1').explanation.ar).toContain('تتقدّم على 3 حالات ذات أولوية أدنى وخطر أعلى');
    // n3 (normal, high) is behind u1 (urgent, medium).
    expect(entry('n3').reasons.behindLowerRisk).toBe(1);
    expect(entry('n3').explanation.en).toContain('Behind 1 higher-priority case with lower risk because priority comes first.');
  });

  it('says which cases it passes because risk comes before waiting time', () => {
    // u2 and u3 (high) waited less than u1 (medium) but come first.
    expect(entry('u2').reasons.aheadOfLongerWaiting).toBe(1);
    expect(entry('u2').explanation.en).toContain('Ahead of 1 lower-risk case of the same priority that waited longer, because risk comes before waiting time.');
    expect(entry('u1').reasons.behindShorterWaiting).toBe(2);
    expect(entry('u1').explanation.ar).toContain('تأتي بعد حالتين بالأولوية نفسها وخطر أعلى');
    // n3 waited longest of the normals but its risk is lower.
    expect(entry('n3').reasons.behindShorterWaiting).toBe(2);
    expect(entry('n1').reasons.aheadOfLongerWaiting).toBe(1);
  });

  it('says when a case is tied on everything but its id', () => {
    expect(entry('u2').reasons.tied).toBe(1);
    expect(entry('u3').reasons.tied).toBe(1);
    expect(entry('u3').explanation.en).toContain('Same priority, risk and days waiting as 1 other case: ordered by case id.');
    expect(entry('e1').reasons.tied).toBe(0);
  });

  it('returns one page, positioned and explained against the whole queue', () => {
    expect(resettlementQueue(cases, TODAY, { offset: 3, limit: 2 })).toEqual(queue.slice(3, 5));
    expect(resettlementQueue(cases, TODAY, { offset: 6, limit: 50 })).toEqual(queue.slice(6));
    expect(resettlementQueue(cases, TODAY, { offset: 99 })).toEqual([]);
  });

  // Speed is measured by `npm run bench`, never asserted in a test: this checks that a page
  // of a 10,000-case queue is the same slice of the whole, numbered over the whole.
  it('pages a 10,000-case queue consistently with the whole', () => {
    const priorities = ['emergency', 'urgent', 'normal'] as const;
    const risks = ['low', 'medium', 'high', 'critical'] as const;
    const many = Array.from({ length: 10_000 }, (_, i) => {
      const day = 1 + ((i * 7919) % 3000);
      const since = new Date(Date.UTC(2018, 0, day)).toISOString().slice(0, 10);
      return c(`case-${(i * 104729) % 10_000}`, priorities[i % 3]!, risks[(i * 31) % 4]!, since);
    });
    const queue = resettlementQueue(many, TODAY);
    expect(queue).toHaveLength(10_000);
    const page = resettlementQueue(many, TODAY, { offset: 5_000, limit: 50 });
    expect(page.map((e) => e.position)).toEqual(queue.slice(5_000, 5_050).map((e) => e.position));
  });
});
