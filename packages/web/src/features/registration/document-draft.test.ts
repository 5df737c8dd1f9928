import { PersonCreateSchema } from '@waymark/contracts';
import { describe, expect, it } from 'vitest';
import { documentDrafts, documentInputs, documentProblemsAt, documentTypes, emptyDocument } from './document-draft';

const saved = {
  id: '0190a0a0-0000-7000-8000-000000000001',
  type: 'passport' as const,
  number: null,
  numberWithheld: true,
  issuer: 'SYR',
  expiryDate: '2030-01-01',
};

describe('identity document rows', () => {
  it('start from the recorded documents, then the types held without a record', () => {
    const rows = documentDrafts({ documents: ['passport', 'birth_certificate'], identityDocuments: [saved] });
    expect(rows.map((row) => [row.id, row.type, row.numberWithheld])).toEqual([
      [saved.id, 'passport', true],
      [undefined, 'birth_certificate', false],
    ]);
  });

  it('send one input a row, in order; a withheld number left empty is not sent, so the server keeps it', () => {
    const rows = documentDrafts({ documents: [], identityDocuments: [saved] });
    const added = { ...emptyDocument('k'), type: 'national_id' as const, number: ' 01-234 ', issuer: '' };
    expect(documentInputs([...rows, added])).toEqual([
      { id: saved.id, type: 'passport', issuer: 'SYR', expiryDate: '2030-01-01' },
      { type: 'national_id', number: '01-234', issuer: null, expiryDate: null },
    ]);
    expect(documentInputs([{ ...rows[0]!, number: 'N99' }])[0]).toMatchObject({ number: 'N99' });
    expect(documentTypes([...rows, added])).toEqual(['national_id', 'passport']);
  });

  it('leave an unchosen type for the contract to refuse at the row, and place problems by row and field', () => {
    const parsed = PersonCreateSchema.safeParse({ givenName: 'A', familyName: '', sex: 'female', birthYear: 1990, identityDocuments: documentInputs([emptyDocument('a'), emptyDocument('b')]) });
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('/'));
    expect(paths).toEqual(['identityDocuments/0/type', 'identityDocuments/1/type']);
    const problems = [
      { path: '/members/1/identityDocuments/0/number', code: 'too_big', message: '' },
      { path: '/members/1/identityDocuments/1/expiryDate', code: 'document_expiry_out_of_range', message: '' },
    ];
    expect(documentProblemsAt(problems, 0, 'number').map((problem) => problem.code)).toEqual(['too_big']);
    expect(documentProblemsAt(problems, 1, 'number')).toEqual([]);
    expect(documentProblemsAt(problems, 1, 'expiryDate').map((problem) => problem.code)).toEqual(['document_expiry_out_of_range']);
  });
});
