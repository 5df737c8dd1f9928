import { heightenedRiskV1 } from '../instruments/heightened-risk/v1';
import type { LegalStatus } from '../registration/vocabulary';
import { subjectFromRegistration, type HouseholdMember } from '../scoring/subject';
import { daysFromDate } from './civil-date';
import { planHousehold } from './household-plan';
import { NAMING_TRADITIONS } from './names';
import { defaultOperations } from './operations';
import { generatePerson, type HouseholdContext } from './person';
import { createRandom, type Random } from './random';
import { TIERS } from './response-profile';
import { generateResponses } from './responses';
import type { GeneratedHousehold, GeneratedMember, OperationSpec, PopulationOptions } from './types';

const DAYS_PER_YEAR = 365.25;

// Years since arrival: most recent, a quarter past five years, a few past ten.
const YEARS_SINCE_ARRIVAL: Array<[number, number, number]> = [[0, 4, 76], [5, 9, 21], [10, 14, 3]];

function arrivalDays(random: Random, todayDays: number): number {
  const [from, to] = random.weighted(YEARS_SINCE_ARRIVAL, ([, , w]) => w);
  return todayDays - Math.floor((random.int(from, to) + random.next()) * DAYS_PER_YEAR);
}

function legalStatusFor(operation: OperationSpec, detained: boolean, random: Random): LegalStatus {
  if (detained && random.chance(0.7)) return 'detained';
  return random.weighted(operation.legalStatuses, (s) => s.weight).status;
}

function householdCode(operation: OperationSpec, index: number): string {
  return `${operation.code}-H${String(index).padStart(7, '0')}`;
}

/**
 * Streams households until exactly `persons` people exist, so a million never sit in
 * memory at once. Same seed, options and `today` -> the same population, item for item.
 */
export function* generatePopulation(options: PopulationOptions): Generator<GeneratedHousehold, void, undefined> {
  if (!Number.isInteger(options.persons) || options.persons < 0) {
    throw new RangeError('persons must be a whole number of zero or more');
  }
  const random = createRandom(options.seed);
  const operations = options.operations ?? defaultOperations;
  const todayDays = daysFromDate(options.today);
  let remaining = options.persons;
  for (let index = 1; remaining > 0; index++) {
    const operation = random.weighted(operations, (o) => o.weight);
    const site = random.weighted(operation.sites, (s) => s.weight);
    const origin = random.weighted(operation.nationalities, (n) => n.weight);
    const tradition = NAMING_TRADITIONS[origin.tradition];
    const plans = planHousehold(random, site.setting, remaining);
    const headIsMale = plans[0]?.sex === 'male';
    const context: HouseholdContext = {
      random,
      todayDays,
      today: options.today,
      setting: site.setting,
      adminAreaCode: site.adminAreaCode,
      origin,
      tradition,
      legalStatus: legalStatusFor(operation, site.setting === 'detention', random),
      arrivalDays: arrivalDays(random, todayDays),
      familyName: random.pick(tradition.patronymic ? tradition.male : tradition.family),
      fatherName: random.pick(tradition.male),
    };
    const people = plans.map((plan) => generatePerson(plan, context));
    // Children of a male head carry his given name as their second name.
    if (tradition.patronymic && headIsMale && people[0]) {
      const headGiven = people[0].person.givenName;
      for (const { person } of people) if (person.relationshipToHead === 'child') person.familyName = headGiven;
    }
    const household: { members: HouseholdMember[] } = {
      members: people.map(({ age, person }) => ({ age, relationshipToHead: person.relationshipToHead })),
    };
    const householdTier = random.weighted(TIERS, (t) => t.share);
    const members: GeneratedMember[] = people.map(({ person }) => {
      const tier = random.chance(0.75) ? householdTier : random.weighted(TIERS, (t) => t.share);
      const subject = subjectFromRegistration(person, household, options.today);
      return { person, responses: generateResponses(heightenedRiskV1, subject, tier, random) };
    });
    remaining -= members.length;
    yield {
      operationCode: operation.code,
      siteCode: site.code,
      household: { code: householdCode(operation, index), headIndex: 0, setting: site.setting, adminAreaCode: site.adminAreaCode },
      members,
    };
  }
}
