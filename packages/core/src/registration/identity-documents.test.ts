import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdentityDocuments, documentTypesAfterEdit, documentTypesHeld } from './identity-documents';
import { DOCUMENT_TYPES } from './vocabulary';

const today = new Date('2026-06-15T10:00:00Z');
const holder = { dateOfBirth: '1991-04-02', birthYear: 1991 };
const codes = (expiryDate: string | null, who: { dateOfBirth: string | null; birthYear: number | null } = holder) => checkIdentityDocuments([{ type: 'passport', expiryDate }], who, today).map((problem) => problem.code);

describe('identity documents', () => {
  it('accept an expired document and one valid for up to 30 years', () => {
    expect(codes('2001-01-01')).toEqual([]);
    expect(codes('2056-06-15')).toEqual([]);
    expect(codes(null)).toEqual([]);
  });

  it('refuse an expiry before 1950, past 30 years from today, or before the holder was born', () => {
    expect(codes('1949-12-31')).toEqual(['document_expiry_out_of_range']);
    expect(codes('2056-06-16')).toEqual(['document_expiry_out_of_range']);
    expect(codes('1990-12-31')).toEqual(['document_expiry_before_birth']);
    expect(codes('1990-12-31', { dateOfBirth: null, birthYear: 1991 })).toEqual(['document_expiry_before_birth']);
    expect(checkIdentityDocuments([{ type: 'passport', expiryDate: null }, { type: 'visa' as never, expiryDate: '1800-01-01' }], holder, today, ['members', 2, 'identityDocuments'])[0]?.path).toEqual(['members', 2, 'identityDocuments', 1, 'expiryDate']);
  });

  it('refuse the same document twice', () => {
    const id = '0190a0a0-0000-7000-8000-000000000001';
    expect(checkIdentityDocuments([{ id, type: 'passport', expiryDate: null }, { id, type: 'national_id', expiryDate: null }], holder, today)).toEqual([
      { code: 'duplicate_document', path: ['identityDocuments', 1, 'id'], message: expect.any(String) },
    ]);
  });

  it('hold every recorded type, each once, in vocabulary order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DOCUMENT_TYPES)), fc.array(fc.constantFrom(...DOCUMENT_TYPES)), (given, recorded) => {
        const held = documentTypesHeld(given, recorded.map((type) => ({ type })));
        expect(new Set(held)).toEqual(new Set([...given, ...recorded]));
        expect(held).toEqual(DOCUMENT_TYPES.filter((type) => held.includes(type)));
      }),
    );
  });

  it('after an edit keep types held without a record and drop those only a removed record gave', () => {
    expect(documentTypesAfterEdit(['passport', 'birth_certificate', 'national_id'], [{ type: 'passport' }, { type: 'national_id' }], [{ type: 'passport' }, { type: 'work_permit' }])).toEqual([
      'passport',
      'birth_certificate',
      'work_permit',
    ]);
  });
});
