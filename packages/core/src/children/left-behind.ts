import { err, ok, type Result } from '../result';
import { carerKey, currentArrangement, type CareArrangement, type CarerRef } from './care-arrangements';
import { ageOn } from './dates';
import type { ChildProblem } from './problems';
import type { CareArrangementType, MoveStepKind, MoveStepStatus } from './vocabulary';

/** A durable-solution step for a household or carer (departure, return, move). */
export interface MoveStep {
  id: string;
  kind: MoveStepKind;
  status: MoveStepStatus;
}

export interface LeftBehindInput {
  /** Person ids of the legal members of the case the step belongs to. */
  caseMembers: readonly string[];
  /** The carers the step moves: person ids and carer record ids (e.g. the principal applicant and spouse). */
  carers: readonly CarerRef[];
  careArrangements: readonly CareArrangement[];
  /** Birth facts of the children in the arrangements; a child missing here counts as of unknown age. */
  children: readonly { id: string; dateOfBirth: string | null; birthYear: number | null }[];
  solutionStep: MoveStep;
  /** The day to read current arrangements and ages on. */
  today: string;
}

export interface LeftBehindChild {
  childId: string;
  arrangementId: string;
  arrangementType: CareArrangementType;
  carer: CarerRef;
}

/**
 * The seed warns that foster arrangements are often not recognised when a durable
 * solution is processed, and children are left behind alone. So: while a step is
 * planned or in progress, every child currently in the care of one of the moving carers
 * who is not a legal member of the case is flagged — fostered, kinship or informal care,
 * and even the carers' own children if they are not on the case. A child of unknown age
 * is flagged (an age dispute must not hide a child); one who is 18 or over is not.
 */
export function childrenLeftBehind(input: LeftBehindInput): LeftBehindChild[] {
  if (input.solutionStep.status !== 'planned' && input.solutionStep.status !== 'in_progress') return [];
  const members = new Set(input.caseMembers);
  const moving = new Set(input.carers.map(carerKey));
  const births = new Map(input.children.map((c) => [c.id, c]));
  const childIds = [...new Set(input.careArrangements.map((a) => a.childId))].sort();
  const flagged: LeftBehindChild[] = [];
  for (const childId of childIds) {
    if (members.has(childId)) continue;
    const arrangement = currentArrangement(input.careArrangements, childId, input.today);
    if (arrangement === null || !moving.has(carerKey(arrangement.carer))) continue;
    const birth = births.get(childId);
    const age = birth ? ageOn(birth, input.today) : null;
    if (age !== null && age >= 18) continue;
    flagged.push({ childId, arrangementId: arrangement.id, arrangementType: arrangement.type, carer: arrangement.carer });
  }
  return flagged;
}

/** A recorded (already checked) BID, as far as this rule needs it. */
export interface RecordedBidDecision {
  childId: string;
  solutionStepId: string | null;
}

/**
 * A step may be marked complete only when every flagged child has their own BID on this
 * step: a recorded decision whose recommendation refers to the step's id, whatever it
 * recommends (to go with the carers, or to stay in another arrangement). One problem per
 * child still waiting, each naming the child.
 */
export function canCompleteSolutionStep(
  step: Pick<MoveStep, 'id'>,
  flaggedChildren: readonly Pick<LeftBehindChild, 'childId'>[],
  bidDecisions: readonly RecordedBidDecision[],
): Result<true, ChildProblem[]> {
  const decided = new Set(bidDecisions.filter((d) => d.solutionStepId === step.id).map((d) => d.childId));
  const waiting = [...new Set(flaggedChildren.map((c) => c.childId))].filter((id) => !decided.has(id));
  if (waiting.length === 0) return ok(true);
  return err(
    waiting.map((childId) => ({
      path: ['children', childId],
      code: 'child_decision_required',
      message: `child ${childId} is in the care of someone this step moves and needs their own best-interests decision on it`,
    })),
  );
}
