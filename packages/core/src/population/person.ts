import { ageInYears } from '../registration/age';
import type { PersonRegistration } from '../registration/person';
import type { DocumentType, LegalStatus, Setting } from '../registration/vocabulary';
import { civilFromDays, daysFromCivil, isoFromDays } from './civil-date';
import type { MemberPlan } from './household-plan';
import type { NameForm, NamingTradition } from './names';
import type { Random } from './random';
import type { NationalitySpec } from './types';

/** What every member of one household shares. */
export interface HouseholdContext {
  random: Random;
  todayDays: number;
  today: Date;
  setting: Setting;
  adminAreaCode: string;
  origin: NationalitySpec;
  tradition: NamingTradition;
  legalStatus: LegalStatus;
  arrivalDays: number;
  /** The head's family name, or (patronymic traditions) the name children take from their father. */
  familyName: NameForm;
  fatherName: NameForm;
}

function fullName(given: NameForm, family: NameForm, random: Random): string[] {
  const spell = (form: NameForm) => (form.variants.length > 0 && random.chance(0.6) ? random.pick(form.variants) : form.latin);
  const variants = new Set<string>();
  const wanted = random.chance(0.55) ? random.int(1, 2) : 0;
  for (let i = 0; i < wanted; i++) variants.add(`${spell(given)} ${spell(family)}`);
  variants.delete(`${given.latin} ${family.latin}`);
  return [...variants];
}

function familyNameFor(plan: MemberPlan, context: HouseholdContext): NameForm {
  const { random, tradition } = context;
  const someoneElse = () => random.pick(tradition.patronymic ? tradition.male : tradition.family);
  if (plan.relationship === 'child') return tradition.patronymic ? context.fatherName : context.familyName;
  if (plan.relationship === 'head' || plan.relationship === 'sibling') return context.familyName;
  if (plan.relationship === 'other_relative' && random.chance(0.5)) return context.familyName;
  return someoneElse();
}

/** A birth date that makes the person exactly `age` today. */
function birthDaysFor(age: number, context: HouseholdContext): number {
  const { year, month, day } = civilFromDays(context.todayDays);
  const yearAfterBirthday = daysFromCivil(year - age - 1, month, day);
  return yearAfterBirthday + context.random.int(1, daysFromCivil(year - age, month, day) - yearAfterBirthday);
}

function documentsFor(adult: boolean, bornInExile: boolean, legalStatus: LegalStatus, random: Random): DocumentType[] {
  const documents: DocumentType[] = [];
  if (legalStatus === 'registered_refugee' && random.chance(0.92)) documents.push('refugee_certificate');
  if (legalStatus === 'asylum_seeker' && random.chance(0.85)) documents.push('asylum_seeker_certificate');
  if (adult && random.chance(0.5)) documents.push('national_id');
  if (adult && random.chance(0.22)) documents.push('passport');
  if (random.chance(bornInExile ? 0.7 : 0.85)) documents.push('birth_certificate');
  if (adult && random.chance(legalStatus === 'registered_refugee' ? 0.08 : 0.03)) documents.push('residence_permit');
  if (adult && random.chance(0.04)) documents.push('work_permit');
  if (random.chance(0.03)) documents.push('other');
  return documents;
}

export function generatePerson(plan: MemberPlan, context: HouseholdContext): { person: PersonRegistration; age: number } {
  const { random, tradition, origin } = context;
  const given = random.pick(plan.sex === 'male' ? tradition.male : tradition.female);
  const family = familyNameFor(plan, context);
  const birthDays = birthDaysFor(plan.age, context);
  const exactBirthDate = random.chance(0.82);
  const dateOfBirth = exactBirthDate ? isoFromDays(birthDays) : null;
  const birthYear = exactBirthDate ? null : civilFromDays(context.todayDays).year - plan.age;
  const age = ageInYears({ dateOfBirth, birthYear }, context.today) ?? plan.age;
  const legalStatus: LegalStatus = origin.stateless ? 'stateless' : context.legalStatus;
  const bornInExile = birthDays > context.arrivalDays;
  // Registration reads a bare birth year as 1 January, and arrival may not come before birth.
  const earliestBirth = birthYear === null ? birthDays : daysFromCivil(birthYear, 1, 1);
  const script = given.script && family.script ? `${given.script} ${family.script}` : null;
  const person: PersonRegistration = {
    givenName: given.latin,
    familyName: family.latin,
    otherNames: fullName(given, family, random),
    originalScriptName: script,
    sex: plan.sex,
    dateOfBirth,
    birthYear,
    birthYearEstimated: !exactBirthDate && random.chance(0.7),
    nationality: legalStatus === 'stateless' ? null : origin.nationality,
    languages: age >= 12 && random.chance(0.1) ? [...origin.languages, 'en'] : [...origin.languages],
    siteId: null,
    setting: context.setting,
    adminAreaCode: context.adminAreaCode,
    legalStatus,
    documents: documentsFor(age >= 18, bornInExile, legalStatus, random),
    arrivalDate: isoFromDays(Math.max(context.arrivalDays, earliestBirth)),
    householdId: null,
    relationshipToHead: plan.relationship,
    careSituation: age < 18 ? plan.childCare : null,
  };
  return { person, age };
}
