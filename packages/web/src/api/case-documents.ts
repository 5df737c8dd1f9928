/** Plain links download them: the browser sends the session cookie, the server audits each print. */

/**
 * A printed document comes in the interface's language and on the reader's clock (the
 * browser's time zone), so "printed at" and every time on it read as the reader's own.
 */
export const printQuery = (lang: string): string => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `lang=${encodeURIComponent(lang)}${zone ? `&tz=${encodeURIComponent(zone)}` : ''}`;
};

export const caseSummaryUrl = (caseId: string, lang: string): string => `/api/v1/cases/${encodeURIComponent(caseId)}/summary.pdf?${printQuery(lang)}`;

export const referralFormUrl = (taskId: string, agencyId: string, lang: string): string =>
  `/api/v1/case-tasks/${encodeURIComponent(taskId)}/referral.pdf?agencyId=${encodeURIComponent(agencyId)}&${printQuery(lang)}`;
