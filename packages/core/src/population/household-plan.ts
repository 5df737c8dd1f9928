import type { CareSituation, RelationshipToHead, Setting } from '../registration/vocabulary';
import type { Random } from './random';

/** Who a household will hold, before names and dates are drawn. The head comes first. */
export interface MemberPlan {
  age: number;
  sex: 'female' | 'male';
  relationship: RelationshipToHead;
  /** Used only if the person turns out to be under 18. */
  childCare: CareSituation;
}

export const MAX_HOUSEHOLD_SIZE = 10;

type Kind = 'family' | 'single_adult' | 'child_headed' | 'unaccompanied_child';

const KIND_WEIGHTS: Record<Setting, Array<[Kind, number]>> = {
  camp: [['family', 89], ['single_adult', 10], ['child_headed', 0.6], ['unaccompanied_child', 0.4]],
  settlement: [['family', 89], ['single_adult', 10], ['child_headed', 0.6], ['unaccompanied_child', 0.4]],
  urban: [['family', 83], ['single_adult', 16], ['child_headed', 0.5], ['unaccompanied_child', 0.8]],
  transit: [['family', 55], ['single_adult', 40], ['child_headed', 1], ['unaccompanied_child', 4]],
  detention: [['single_adult', 1]],
  // Settings issue 13 added; the demo's sites do not use them yet, so these only keep the table whole.
  informal_settlement: [['family', 85], ['single_adult', 13], ['child_headed', 0.8], ['unaccompanied_child', 1.2]],
  collective_centre: [['family', 80], ['single_adult', 18], ['child_headed', 0.8], ['unaccompanied_child', 1.2]],
  host_family: [['family', 90], ['single_adult', 9], ['child_headed', 0.4], ['unaccompanied_child', 0.6]],
  rural: [['family', 89], ['single_adult', 10], ['child_headed', 0.6], ['unaccompanied_child', 0.4]],
};

// Children per family: mean about 2.6, so children are about half of everyone.
const CHILD_COUNTS: Array<[number, number]> = [[0, 14], [1, 18], [2, 21], [3, 18], [4, 13], [5, 8], [6, 4], [7, 2], [8, 2]];

const other = (sex: 'female' | 'male') => (sex === 'male' ? 'female' : 'male');
const anySex = (random: Random, maleShare = 0.5) => (random.chance(maleShare) ? 'male' : 'female');

function family(random: Random): MemberPlan[] {
  const headSex = anySex(random, 0.72);
  const headAge = random.int(20, 62);
  const members: MemberPlan[] = [{ age: headAge, sex: headSex, relationship: 'head', childCare: 'with_parents' }];
  let motherAge = headSex === 'female' ? headAge : 0;
  if (random.chance(headSex === 'male' ? 0.88 : 0.25)) {
    const spouseAge = Math.max(18, headAge + (headSex === 'male' ? -random.int(0, 9) : random.int(0, 9)));
    members.push({ age: spouseAge, sex: other(headSex), relationship: 'spouse', childCare: 'with_parents' });
    if (headSex === 'male') motherAge = spouseAge;
  }
  const parentAge = motherAge || headAge;
  const children = random.weighted(CHILD_COUNTS, ([, w]) => w)[0];
  for (let i = 0; i < children && parentAge >= 17; i++) {
    const grown = parentAge >= 36 && random.chance(0.12);
    const age = grown ? random.int(18, Math.min(30, parentAge - 17)) : random.int(0, Math.min(17, parentAge - 16));
    members.push({ age, sex: anySex(random), relationship: 'child', childCare: 'with_parents' });
  }
  if (random.chance(0.08)) {
    members.push({ age: Math.min(90, headAge + random.int(20, 30)), sex: anySex(random, 0.4), relationship: 'parent', childCare: 'with_parents' });
  }
  if (random.chance(0.05)) {
    members.push({ age: random.int(10, 30), sex: anySex(random), relationship: 'sibling', childCare: 'separated' });
  }
  if (random.chance(0.04)) {
    members.push({ age: random.int(3, 17), sex: anySex(random), relationship: 'other_relative', childCare: 'separated' });
  }
  if (random.chance(0.02)) {
    members.push({ age: random.int(1, 17), sex: anySex(random), relationship: 'other_relative', childCare: 'foster_kinship_carer' });
  }
  if (random.chance(0.01)) {
    members.push({ age: random.int(10, 17), sex: anySex(random, 0.7), relationship: 'non_relative', childCare: 'unaccompanied' });
  }
  return members;
}

function childHeaded(random: Random): MemberPlan[] {
  const headAge = random.int(14, 17);
  const members: MemberPlan[] = [{ age: headAge, sex: anySex(random), relationship: 'head', childCare: 'child_headed_household' }];
  const siblings = random.int(1, 4);
  for (let i = 0; i < siblings; i++) {
    members.push({ age: random.int(1, headAge - 1), sex: anySex(random), relationship: 'sibling', childCare: 'child_headed_household' });
  }
  return members;
}

/** Head first; never more than MAX_HOUSEHOLD_SIZE or `room` members. */
export function planHousehold(random: Random, setting: Setting, room: number): MemberPlan[] {
  const kind = random.weighted(KIND_WEIGHTS[setting], ([, w]) => w)[0];
  let members: MemberPlan[];
  if (kind === 'family') members = family(random);
  else if (kind === 'child_headed') members = childHeaded(random);
  else if (kind === 'unaccompanied_child') {
    members = [{ age: random.int(13, 17), sex: anySex(random, 0.75), relationship: 'head', childCare: 'unaccompanied' }];
  } else {
    members = [{ age: random.int(18, 65), sex: anySex(random, 0.65), relationship: 'head', childCare: 'with_parents' }];
  }
  return members.slice(0, Math.min(MAX_HOUSEHOLD_SIZE, room));
}
