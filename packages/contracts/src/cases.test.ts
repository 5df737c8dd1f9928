import { FIELD_REGISTRY } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { CaseCreateSchema, CaseDetailSchema } from './cases';

describe('case contracts', () => {
  it('classifies every field a case answer carries in the field registry', () => {
    const registered = new Set(Object.keys(FIELD_REGISTRY));
    for (const key of Object.keys(CaseDetailSchema.shape)) expect(registered, `case.${key}`).toContain(`case.${key}`);
  });

  it('takes exactly one subject: a person, a household or a screening', () => {
    const id = '0190a4e0-0000-7000-8000-000000000000';
    expect(CaseCreateSchema.safeParse({ personId: id }).success).toBe(true);
    expect(CaseCreateSchema.safeParse({}).success).toBe(false);
    expect(CaseCreateSchema.safeParse({ personId: id, fromScreeningId: id }).success).toBe(false);
  });
});
