import { TARGET_FIELDS } from '@waymark/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

// Review of issue 20 (§7): an admin area code in a targeting rule skipped the text rules, so a
// NUL in it reached jsonb and came back as a 500. Every other place in a rule is fuzzed too.

const HOSTILE = ['\u0000', 'a\u0000b', '\u202Eevil', 'x\u2066y', '\r', '\tx', 'a\u0085b', '\ud800', 'Jose\u0301', '=cmd', "' or 1=1 --", 'x'.repeat(3000)];
const PROGRAMME = { name: 'Safe work', kind: 'livelihoods', adminAreaCodes: [], capacity: 50 };

const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom('female', 'medium', 'LBN-1', '18-59', 'urban'), fc.string({ maxLength: 8 }));
const anything = fc.oneof(text, fc.integer({ min: -5, max: 200 }), fc.double(), fc.constant(null), fc.boolean(), fc.array(text, { maxLength: 3 }));
/** A condition of the right shape for its field, with a hostile or plain text wherever a text goes. */
const wellFormed = fc.constantFrom(...Object.entries(TARGET_FIELDS)).chain(([field, { type }]): fc.Arbitrary<Record<string, unknown>> => {
  const word = type.kind === 'choice' || type.kind === 'ordered' ? fc.oneof(fc.constantFrom(...type.values), text) : text;
  if (type.kind === 'number') return fc.record({ field: fc.constant(field), op: fc.constantFrom('gte', 'lte'), value: fc.oneof(fc.integer({ min: -5, max: 200 }), anything) });
  if (type.kind === 'code') {
    return fc.oneof(
      fc.record({ field: fc.constant(field), op: fc.constant('within'), value: word }),
      fc.record({ field: fc.constant(field), op: fc.constant('in'), values: fc.array(word, { minLength: 1, maxLength: 3 }) }),
    );
  }
  const ordered: fc.Arbitrary<Record<string, unknown>>[] = type.kind === 'ordered' ? [fc.record({ field: fc.constant(field), op: fc.constantFrom('gte', 'lte'), value: word })] : [];
  return fc.oneof(fc.record({ field: fc.constant(field), op: fc.constant('in'), values: fc.array(word, { minLength: 1, maxLength: 3 }) }), ...ordered);
});
const anyShape = fc.record(
  {
    field: fc.oneof(fc.constantFrom(...Object.keys(TARGET_FIELDS)), text),
    op: fc.oneof(fc.constantFrom('in', 'gte', 'lte', 'within'), text),
    value: anything,
    values: fc.oneof(fc.array(text, { maxLength: 4 }), anything),
  },
  { requiredKeys: ['field', 'op'] },
);
/** Now and then a key the rule has no place for, named and valued with hostile text. */
const withStrangeKey = (shape: fc.Arbitrary<Record<string, unknown>>) =>
  fc
    .tuple(shape, fc.option(fc.tuple(fc.constantFrom(...HOSTILE), anything), { nil: undefined, freq: 6 }))
    .map(([value, extra]) => (extra ? { ...value, [extra[0]]: extra[1] } : value));
const condition = withStrangeKey(fc.oneof({ weight: 4, arbitrary: wellFormed }, { weight: 1, arbitrary: anyShape }));
const { rule } = fc.letrec<{ rule: unknown; group: Record<string, unknown> }>((tie) => ({
  rule: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { weight: 3, arbitrary: condition }, { weight: 2, arbitrary: tie('group') }, { weight: 1, arbitrary: anything }),
  group: withStrangeKey(
    fc.constantFrom('all', 'any').chain((group) => fc.record({ [group]: fc.array(tie('rule'), { maxLength: 3 }) })) as fc.Arbitrary<Record<string, unknown>>,
  ),
}));

describe.each(databaseTargets())('targeting rules under hostile input on $name PostgreSQL', (target) => {
  let app: TestApp;
  let supervisor: Client;
  const programmes = async () => ((await supervisor.request('GET', '/api/v1/programmes')).body as { total: number }).total;

  beforeAll(async () => {
    app = await startTestApp(target);
    supervisor = await app.as('supervisor');
  });
  afterAll(() => app.close());

  it('refuses a NUL, a control or bidi character or a malformed code in an admin area code at its path, writing nothing', async () => {
    for (const [rule, path, code] of [
      [{ field: 'adminAreaCode', op: 'within', value: 'LBN\u0000' }, '/rule/value', 'control_character'],
      [{ all: [{ field: 'adminAreaCode', op: 'in', values: ['LBN-1', '\u202Eevil'] }] }, '/rule/all/0/values/1', 'bidi_control'],
      [{ any: [{ field: 'adminAreaCode', op: 'within', value: '=HYPERLINK("x")' }] }, '/rule/any/0/value', 'invalid_area_code'],
    ] as const) {
      const refused = await supervisor.request('POST', '/api/v1/programmes', { ...PROGRAMME, rule });
      expect(refused.status).toBe(400);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path, code })] });
    }
    const stray = await supervisor.request('POST', '/api/v1/programmes', { ...PROGRAMME, rule: { field: 'sex', op: 'in', values: ['female'], 'a\u0000b': 'c\u0000' } });
    expect(stray.status).toBe(400);
    expect(await programmes()).toBe(0);
  });

  it('answers every generated rule with 201 or a 4xx problem, never a 5xx (fast-check)', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(rule, async (generated) => {
        const answer = await supervisor.request('POST', '/api/v1/programmes', { ...PROGRAMME, rule: generated });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(answer.status, JSON.stringify(generated)).toBeLessThan(500);
        if (answer.status !== 201) expect(answer.contentType).toContain('application/problem+json');
        else {
          // What was stored reads back as a rule that judges the same, and its targets can be listed.
          const id = (answer.body as { id: string }).id;
          expect((await supervisor.request('GET', `/api/v1/programmes/${id}/targets`)).status).toBe(200);
        }
      }),
      { numRuns: 150 },
    );
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
  }, 240_000);
});
