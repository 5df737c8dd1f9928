import type { AuditQuery } from '../../api/audit';

export interface AuditFilterForm {
  operationId: string;
  actorId: string;
  action: string;
  resourceType: string;
  resourceId: string;
  /** Calendar days (YYYY-MM-DD), read as UTC days: the trail is kept in UTC. */
  fromDay: string;
  toDay: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilterForm = {
  operationId: '',
  actorId: '',
  action: '',
  resourceType: '',
  resourceId: '',
  fromDay: '',
  toDay: '',
};

/** The API's query: blank fields left out, days widened to whole UTC days (`to` is exclusive). */
export function toAuditQuery(form: AuditFilterForm): AuditQuery {
  const trimmed = (value: string) => value.trim() || undefined;
  return {
    operationId: trimmed(form.operationId),
    actorId: trimmed(form.actorId),
    action: trimmed(form.action),
    resourceType: trimmed(form.resourceType),
    resourceId: trimmed(form.resourceId),
    from: form.fromDay ? `${form.fromDay}T00:00:00Z` : undefined,
    to: form.toDay ? dayAfter(form.toDay) : undefined,
  };
}

function dayAfter(day: string): string | undefined {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().replace('.000Z', 'Z');
}
