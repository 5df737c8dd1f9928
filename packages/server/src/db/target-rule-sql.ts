import { bracketRange, RISK_LEVELS, TARGET_FIELDS, type AgeBracket, type TargetCondition, type TargetRule } from '@waymark/core';
import { sql, type RawBuilder } from 'kysely';

/**
 * A validated targeting rule (core/targeting) as a SQL condition over `persons`, so the
 * target list is filtered and ranked in the database. It means exactly what `matchesRule`
 * means (programmes-api.test.ts compares the two over the same people):
 * - a missing value never matches (no screening: no domain level, no risk level);
 * - age is ageInYears: whole years from the date of birth, else this year − birth year;
 * - a domain the latest screening has no signal in is `low` (the stored outcome keeps
 *   only domains with signals);
 * - a domain whose answers are sealed (SGBV: core splitSensitive) is targeted by the level
 *   the clear answers give, on purpose: a target list shown to programme staff must not
 *   tell who disclosed (target-rule-sealed-domain.test.ts, DATA-PROTECTION.md);
 * - `within` an admin area: the area itself or any area under it in the operation's
 *   boundaries (admin_areas.parent_code, as matchesRule's parentOf walks up).
 */
export function targetRuleSql(rule: TargetRule, today: Date, operationId: string): RawBuilder<boolean> {
  if ('all' in rule) return sql<boolean>`(${sql.join(rule.all.map((part) => targetRuleSql(part, today, operationId)), sql` and `)})`;
  if ('any' in rule) return sql<boolean>`(${sql.join(rule.any.map((part) => targetRuleSql(part, today, operationId)), sql` or `)})`;
  return conditionSql(rule, today, operationId);
}

/**
 * The codes of these areas and of every area under them. Not correlated with the person,
 * so PostgreSQL works it out once per query, whatever the number of people.
 */
export function areasUnder(operationId: string, codes: readonly string[]): RawBuilder<string> {
  return sql<string>`(
    with recursive under(code) as (
      select unnest(${sql.val([...codes])}::text[])
      union
      select a.code from admin_areas a join under u on a.parent_code = u.code where a.operation_id = ${operationId}::uuid
    ) select code from under)`;
}

const COLUMNS: Record<string, string> = { sex: 'sex', setting: 'setting', legalStatus: 'legal_status', careSituation: 'care_situation', adminAreaCode: 'admin_area_code' };
const DOMAIN_LEVEL_RANK = { low: 1, medium: 2, high: 3 } as Record<string, number>;

function conditionSql(condition: TargetCondition, today: Date, operationId: string): RawBuilder<boolean> {
  const field = condition.field;
  if (field in COLUMNS) {
    const column = sql.ref(`persons.${COLUMNS[field]!}`);
    if (condition.op === 'in') return sql<boolean>`(${column} in (${sql.join(condition.values)}))`;
    if (condition.op === 'within') return sql<boolean>`(${column} in ${areasUnder(operationId, [condition.value])})`;
    return sql<boolean>`false`;
  }
  if (field === 'riskLevel') {
    if (condition.op === 'in') return sql<boolean>`(persons.risk_level in (${sql.join(condition.values)}))`;
    if (condition.op === 'gte' || condition.op === 'lte') {
      const rank = RISK_LEVELS.indexOf(condition.value as never) + 1;
      return condition.op === 'gte' ? sql<boolean>`(persons.risk_rank >= ${rank})` : sql<boolean>`(persons.risk_rank <= ${rank})`;
    }
    return sql<boolean>`false`;
  }
  if (field === 'age') {
    if (condition.op === 'gte') return ageAtLeast(Number(condition.value), today);
    if (condition.op === 'lte') return sql<boolean>`(not ${ageAtLeast(Number(condition.value) + 1, today)})`;
    return sql<boolean>`false`;
  }
  if (field === 'ageBracket' && condition.op === 'in') {
    return sql<boolean>`(${sql.join(
      condition.values.map((bracket) => {
        const range = bracketRange(bracket as AgeBracket);
        const upper = range.max === null ? sql<boolean>`true` : sql<boolean>`not ${ageAtLeast(range.max + 1, today)}`;
        return sql<boolean>`(${ageAtLeast(range.min, today)} and ${upper})`;
      }),
      sql` or `,
    )})`;
  }
  if (field.startsWith('domain.') && TARGET_FIELDS[field]) {
    const domain = field.slice('domain.'.length);
    const rank = sql<number>`(case coalesce((select d->>'level' from jsonb_array_elements(s.outcome->'domains') d where d->>'domain' = ${domain} limit 1), 'low') when 'low' then 1 when 'medium' then 2 when 'high' then 3 end)`;
    let test: RawBuilder<boolean>;
    if (condition.op === 'in') test = sql<boolean>`${rank} in (${sql.join(condition.values.map((level) => DOMAIN_LEVEL_RANK[level] ?? 0))})`;
    else if (condition.op === 'gte') test = sql<boolean>`${rank} >= ${DOMAIN_LEVEL_RANK[String(condition.value)] ?? 99}`;
    else if (condition.op === 'lte') test = sql<boolean>`${rank} <= ${DOMAIN_LEVEL_RANK[String(condition.value)] ?? 0}`;
    else return sql<boolean>`false`;
    return sql<boolean>`exists (select 1 from screenings s where s.operation_id = persons.operation_id and s.id = persons.latest_screening_id and ${test})`;
  }
  return sql<boolean>`false`;
}

/** Age ≥ n today, as core's ageInYears counts it (exact date of birth, else birth year). */
function ageAtLeast(years: number, today: Date): RawBuilder<boolean> {
  const y = today.getUTCFullYear() - years;
  const latestBirth = `${String(y).padStart(4, '0')}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-${String(today.getUTCDate()).padStart(2, '0')}`;
  // 29 February in a year without one: born on 1 March of that year has not had the birthday yet.
  const date = isValidDate(latestBirth) ? latestBirth : `${y}-02-28`;
  return sql<boolean>`(case when persons.date_of_birth is not null then persons.date_of_birth <= ${date}::date else persons.birth_year <= ${y} end)`;
}

function isValidDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
