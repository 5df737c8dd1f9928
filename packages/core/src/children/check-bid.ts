import { ageOn, isIsoDate } from './dates';
import type { ChildProblem } from './problems';
import {
  BID_PANEL_ROLES,
  BID_RECOMMENDATIONS,
  CHILD_NOT_HEARD_REASONS,
  type BidPanelRole,
  type BidRecommendation,
  type ChildNotHeardReason,
} from './vocabulary';

export interface BidPanelMember {
  /** Account or person id of the member: never a free-text name. */
  memberId: string;
  role: BidPanelRole | null;
  confidentialityUndertakingSigned: boolean;
}

export type ChildViews =
  | { kind: 'agrees' }
  | { kind: 'disagrees'; reasons: string }
  | { kind: 'could_not_be_heard'; why: ChildNotHeardReason; note?: string };

export interface BidDecisionInput {
  childId: string;
  child: { dateOfBirth: string | null; birthYear: number | null };
  /** When the information gathering (assessment) was completed. */
  assessmentDate: string;
  decisionDate: string;
  panel: BidPanelMember[];
  childViews: ChildViews | null;
  recommendation: {
    kind: BidRecommendation | null;
    /** The durable-solution step this decision is about, if any (see no-child-left-behind). */
    solutionStepId: string | null;
  };
}

export interface BidCheckSettings {
  /**
   * Fewest panel members. The guidelines ask for a multidisciplinary panel; its size is
   * unverified (domain.md §4), so this is a per-operation setting with default 3.
   */
  minPanelSize: number;
}

export const DEFAULT_BID_CHECK_SETTINGS: BidCheckSettings = { minPanelSize: 3 };

const ROLES: ReadonlySet<string> = new Set(BID_PANEL_ROLES);
const RECOMMENDATIONS: ReadonlySet<string> = new Set(BID_RECOMMENDATIONS);
const NOT_HEARD: ReadonlySet<string> = new Set(CHILD_NOT_HEARD_REASONS);

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/** Everything wrong with a BID decision before it may be recorded; empty when it may. */
export function checkBidDecision(
  bid: BidDecisionInput,
  context: { today: string; settings?: BidCheckSettings },
): ChildProblem[] {
  const problems: ChildProblem[] = [];
  const add = (path: (string | number)[], code: string, message: string) => problems.push({ path, code, message });
  const minPanel = (context.settings ?? DEFAULT_BID_CHECK_SETTINGS).minPanelSize;

  const distinct = new Set(bid.panel.map((m) => m.memberId));
  if (distinct.size < minPanel) add(['panel'], 'panel_required', `a BID is decided by a panel of at least ${minPanel} different people`);
  const seen = new Set<string>();
  bid.panel.forEach((member, i) => {
    if (blank(member.memberId)) add(['panel', i, 'memberId'], 'required', 'name the panel member by their id');
    else if (seen.has(member.memberId)) add(['panel', i, 'memberId'], 'duplicate_panel_member', 'a person sits on the panel once');
    seen.add(member.memberId);
    if (member.role === null || !ROLES.has(member.role)) add(['panel', i, 'role'], 'role_required', 'give each panel member a role');
    if (!member.confidentialityUndertakingSigned) {
      add(['panel', i, 'confidentialityUndertakingSigned'], 'confidentiality_undertaking_required', 'each panel member signs a confidentiality undertaking');
    }
  });

  const views = bid.childViews;
  if (views === null) add(['childViews'], 'child_views_required', 'record whether the child agrees, or why they could not be heard');
  else if (views.kind === 'disagrees' && blank(views.reasons)) add(['childViews', 'reasons'], 'child_views_reasons_required', 'record why the child disagrees');
  else if (views.kind === 'could_not_be_heard') {
    if (!NOT_HEARD.has(views.why)) add(['childViews', 'why'], 'child_views_required', 'say why the child could not be heard');
    else if (views.why === 'other' && blank(views.note)) add(['childViews', 'note'], 'required', 'describe why the child could not be heard');
  }

  if (bid.recommendation.kind === null || !RECOMMENDATIONS.has(bid.recommendation.kind)) {
    add(['recommendation', 'kind'], 'recommendation_required', 'choose the panel’s recommendation');
  }

  const assessmentOk = isIsoDate(bid.assessmentDate);
  const decisionOk = isIsoDate(bid.decisionDate);
  if (!assessmentOk) add(['assessmentDate'], 'invalid_date', 'a YYYY-MM-DD calendar day');
  if (!decisionOk) add(['decisionDate'], 'invalid_date', 'a YYYY-MM-DD calendar day');
  if (decisionOk) {
    if (assessmentOk && bid.decisionDate < bid.assessmentDate) add(['decisionDate'], 'dates_out_of_order', 'the decision cannot come before the assessment');
    if (bid.decisionDate > context.today) add(['decisionDate'], 'date_in_future', 'the decision date cannot be in the future');
    const age = ageOn(bid.child, bid.decisionDate);
    if (age !== null && age >= 18) add(['childId'], 'adult_not_child', 'the person is 18 or over on the decision date: a BID is for children');
  }
  return problems;
}
