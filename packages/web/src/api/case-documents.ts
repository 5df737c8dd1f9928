/** Plain links download them: the browser sends the session cookie, the server audits each print. */
export const caseSummaryUrl = (caseId: string): string => `/api/v1/cases/${encodeURIComponent(caseId)}/summary.pdf`;

export const referralFormUrl = (taskId: string, agencyId: string): string =>
  `/api/v1/case-tasks/${encodeURIComponent(taskId)}/referral.pdf?agencyId=${encodeURIComponent(agencyId)}`;
