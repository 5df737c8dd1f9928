import { PREFER_NOT_TO_ANSWER, type Choice, type Instrument, type Item } from '../instruments/instrument';
import type { CareSituation } from '../registration/vocabulary';
import { compileCondition, type Answer, type Answers, type CompiledCondition } from '../scoring/evaluate-condition';
import type { ResponseValue } from '../scoring/response-problems';
import type { ScreeningSubject } from '../scoring/subject';
import type { Random } from './random';
import { DEFAULT_RISK_CHANCE, HEIGHTENED_RISK_PROFILE, PREFER_NOT_TO_ANSWER_CHANCE, type Tier } from './response-profile';

// Who looks after a child follows what registration says about their care.
const CARER_BY_CARE_SITUATION: Record<CareSituation, Array<[string, number]>> = {
  with_parents: [['parents', 1]],
  separated: [['relatives', 6], ['informal_carer', 2], ['changes_often', 1]],
  unaccompanied: [['informal_carer', 4], ['foster_family', 2], ['changes_often', 2], ['no_one', 2]],
  child_headed_household: [['no_one', 3], ['relatives', 1]],
  foster_kinship_carer: [['relatives', 3], ['foster_family', 2]],
};

/** What answering one item needs, worked out once per instrument rather than per person. */
interface ItemPlan {
  item: Item;
  applies: CompiledCondition | null;
  riskChance: number;
  preferNotToAnswerChance: number;
  riskChoices: Choice[];
  safeChoices: Choice[];
  odds: (choice: Choice) => number;
}

const plans = new WeakMap<Instrument, ItemPlan[]>();

function plansFor(instrument: Instrument): ItemPlan[] {
  let cached = plans.get(instrument);
  if (!cached) {
    cached = instrument.items.map((item) => {
      const profile = HEIGHTENED_RISK_PROFILE[item.id] ?? { risk: DEFAULT_RISK_CHANCE };
      const choices = item.type === 'number' || item.type === 'date' ? [] : item.choices;
      const riskChoices = choices.filter((c) => c.weight > 0);
      const safeChoices = choices.filter((c) => c.weight === 0);
      return {
        item,
        applies: item.showIf ? compileCondition(item.showIf) : null,
        riskChance: profile.risk,
        preferNotToAnswerChance: PREFER_NOT_TO_ANSWER_CHANCE[item.sensitivity],
        riskChoices: riskChoices.length > 0 ? riskChoices : choices,
        safeChoices: safeChoices.length > 0 ? safeChoices : choices,
        odds: (choice: Choice) => profile.odds?.[choice.value] ?? 1,
      };
    });
    plans.set(instrument, cached);
  }
  return cached;
}

function answerFor(plan: ItemPlan, risky: boolean, random: Random): Answer | undefined {
  const { item } = plan;
  if (item.type === 'number') {
    const band = item.bands.find((b) => b.weight > 0);
    if (!risky || !band) return 0;
    const low = band.min ?? item.min ?? 1;
    return random.int(low, Math.min(band.max ?? low + 4, item.max ?? low + 4));
  }
  // No shipped item asks for a date; leave any such item unanswered rather than invent one.
  if (item.type === 'date') return undefined;
  const chosen = random.weighted(risky ? plan.riskChoices : plan.safeChoices, plan.odds).value;
  return item.type === 'multiple_choice' ? [chosen] : chosen;
}

function carerAnswer(subject: ScreeningSubject, random: Random): string {
  return random.weighted(CARER_BY_CARE_SITUATION[subject.careSituation ?? 'with_parents'], ([, w]) => w)[0];
}

/** Answers every item that applies to this person, in order, so show-if sees earlier answers. */
export function generateResponses(
  instrument: Instrument,
  subject: ScreeningSubject,
  tier: Tier,
  random: Random,
): Record<string, ResponseValue> {
  const responses: Record<string, Answer> = {};
  const answers: Answers = { get: (itemId) => responses[itemId] };
  for (const plan of plansFor(instrument)) {
    const { item } = plan;
    if (plan.applies && !plan.applies(answers, subject)) continue;
    let value: Answer | undefined;
    if (random.chance(plan.preferNotToAnswerChance)) value = PREFER_NOT_TO_ANSWER;
    else if (item.id === 'cr_current_carer') value = carerAnswer(subject, random);
    else value = answerFor(plan, random.chance(plan.riskChance * tier.multiplier), random);
    if (value !== undefined) responses[item.id] = value;
  }
  return responses;
}
