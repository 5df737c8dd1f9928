import { z } from 'zod';
import { SUBJECT_FACTS, type Condition } from './condition';
import {
  DOMAIN_LEVELS,
  SENSITIVITIES,
  STRENGTHS,
  URGENCIES,
  type Instrument,
} from './instrument';

// Shape only. Cross-references, translations and ordering are checked in
// validate-instrument.ts, where each problem gets its own stable code.

const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower_snake_case');
export const LocalizedTextSchema = z.record(z.string(), z.string());
const IsoDate = z.iso.date();
const Weight = z.number();

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

const ItemRef = z.string();
const Fact = z.enum(SUBJECT_FACTS);

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ item: ItemRef, equals: Scalar }),
    z.strictObject({ item: ItemRef, in: z.array(Scalar).min(1) }),
    z.strictObject({ item: ItemRef, includes: z.string() }),
    z.strictObject({ item: ItemRef, lt: z.number() }),
    z.strictObject({ item: ItemRef, gte: z.number() }),
    z.strictObject({ fact: Fact, equals: Scalar }),
    z.strictObject({ fact: Fact, in: z.array(Scalar).min(1) }),
    z.strictObject({ fact: Fact, includes: z.string() }),
    z.strictObject({ fact: Fact, lt: z.number() }),
    z.strictObject({ fact: Fact, gte: z.number() }),
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);

const riskMarking = {
  weight: Weight,
  strength: z.enum(STRENGTHS).optional(),
  indicator: Id.optional(),
  why: LocalizedTextSchema.optional(),
};

const ChoiceSchema = z.strictObject({ value: z.string().min(1), label: LocalizedTextSchema, ...riskMarking });
const NumberBandSchema = z.strictObject({ min: z.number().optional(), max: z.number().optional(), ...riskMarking });
const DateBandSchema = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional(), ...riskMarking });

const itemBase = {
  id: Id,
  domain: z.string(),
  label: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  showIf: ConditionSchema.optional(),
  sensitivity: z.enum(SENSITIVITIES),
  allowPreferNotToAnswer: z.literal(true),
  onPreferNotToAnswer: z.literal('follow_up').optional(),
};

const ItemSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...itemBase, type: z.literal('yes_no'), choices: z.array(ChoiceSchema) }),
  z.strictObject({ ...itemBase, type: z.literal('single_choice'), choices: z.array(ChoiceSchema) }),
  z.strictObject({ ...itemBase, type: z.literal('multiple_choice'), choices: z.array(ChoiceSchema) }),
  z.strictObject({
    ...itemBase,
    type: z.literal('number'),
    integer: z.boolean(),
    min: z.number().optional(),
    max: z.number().optional(),
    bands: z.array(NumberBandSchema),
  }),
  z.strictObject({
    ...itemBase,
    type: z.literal('date'),
    min: IsoDate.optional(),
    max: IsoDate.optional(),
    bands: z.array(DateBandSchema),
  }),
]);

const Count = z.number().int().min(0);
const LevelRuleSchema = z.strictObject({
  minStrong: Count.optional(),
  minMedium: Count.optional(),
  minWeak: Count.optional(),
  minScore: z.number().optional(),
});

const DomainSchema = z.strictObject({
  id: Id,
  label: LocalizedTextSchema,
  description: LocalizedTextSchema,
  actions: z.array(
    z.strictObject({ id: Id, label: LocalizedTextSchema, minLevel: z.enum(['medium', 'high']).optional() }),
  ),
  levelRules: z.strictObject({ high: z.array(LevelRuleSchema), medium: z.array(LevelRuleSchema) }),
});

const OverrideSchema = z.strictObject({
  id: Id,
  when: ConditionSchema,
  level: z.literal('critical'),
  why: LocalizedTextSchema,
  actions: z.array(z.strictObject({ id: Id, label: LocalizedTextSchema, urgency: z.enum(URGENCIES) })).min(1),
});

export const InstrumentSchema: z.ZodType<Instrument> = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-kebab-case'),
  version: z.number().int().min(1),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  locales: z.array(z.string().min(2)).min(1),
  ruleVersion: z.string().min(1),
  domains: z.array(DomainSchema).min(1),
  indicators: z.array(z.strictObject({ id: Id, domain: z.string(), label: LocalizedTextSchema })),
  items: z.array(ItemSchema),
  derivedIndicators: z.array(
    z.strictObject({
      indicator: z.string(),
      fact: z.enum(SUBJECT_FACTS),
      when: ConditionSchema,
      strength: z.enum(STRENGTHS),
      weight: Weight,
      why: LocalizedTextSchema,
    }),
  ),
  overrides: z.array(OverrideSchema),
  compounding: z.strictObject({
    minDomainsAtMediumOrAbove: z.number().int().min(1),
    raiseBy: z.number().int().min(0),
    maxLevel: z.enum(DOMAIN_LEVELS),
  }),
  actionUrgency: z.strictObject({ medium: z.enum(URGENCIES), high: z.enum(URGENCIES) }),
});
