import { describe, expect, it } from 'vitest';
import { EMPTY_AUDIT_FILTERS, toAuditQuery } from './audit-filters';

describe('audit filters', () => {
  it('leave blank fields out', () => {
    expect(toAuditQuery(EMPTY_AUDIT_FILTERS)).toEqual({});
    expect(JSON.parse(JSON.stringify(toAuditQuery({ ...EMPTY_AUDIT_FILTERS, action: ' person. ' })))).toEqual({ action: 'person.' });
  });

  it('cover whole UTC days, the last one included', () => {
    const query = toAuditQuery({ ...EMPTY_AUDIT_FILTERS, fromDay: '2026-02-28', toDay: '2026-02-28' });
    expect(query.from).toBe('2026-02-28T00:00:00Z');
    expect(query.to).toBe('2026-03-01T00:00:00Z');
  });
});
