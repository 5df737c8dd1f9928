import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PersonCreateSchema } from './persons';
import { fieldProblemsFromZod } from './problems';

const problemsOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a failure');
  return fieldProblemsFromZod(parsed.error);
};

describe('field problems carry the limit they broke', () => {
  it('a text too long: its maximum in characters', () => {
    expect(problemsOf(z.strictObject({ name: z.string().max(200) }), { name: 'x'.repeat(201) })).toEqual([
      { path: '/name', code: 'too_big', message: expect.any(String), limit: { bound: 'maximum', value: 200, of: 'characters', inclusive: true } },
    ]);
  });

  it('a number too small, inclusive or strict; a list too long', () => {
    expect(problemsOf(z.number().int().min(1880), 1850)[0]!.limit).toEqual({ bound: 'minimum', value: 1880, of: 'value', inclusive: true });
    expect(problemsOf(z.number().positive(), 0)[0]!.limit).toEqual({ bound: 'minimum', value: 0, of: 'value', inclusive: false });
    expect(problemsOf(z.array(z.string()).max(3), ['a', 'b', 'c', 'd'])[0]!.limit).toEqual({ bound: 'maximum', value: 3, of: 'items', inclusive: true });
  });

  it('the real registration contract: a given name over 200 characters, a birth year before 1880', () => {
    const problems = problemsOf(PersonCreateSchema, { givenName: 'x'.repeat(201), familyName: 'Y', sex: 'female', birthYear: 1850 });
    expect(problems).toContainEqual(expect.objectContaining({ path: '/givenName', code: 'too_big', limit: { bound: 'maximum', value: 200, of: 'characters', inclusive: true } }));
    expect(problems).toContainEqual(expect.objectContaining({ path: '/birthYear', code: 'too_small', limit: { bound: 'minimum', value: 1880, of: 'value', inclusive: true } }));
  });

  it('other problems carry none', () => {
    expect(problemsOf(z.strictObject({ name: z.string() }), {})[0]).not.toHaveProperty('limit');
    expect(problemsOf(z.iso.date(), 'yesterday')[0]).not.toHaveProperty('limit');
  });
});
