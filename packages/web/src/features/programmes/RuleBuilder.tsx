import { validateRule, type FieldType } from '@waymark/core';
import type { FieldProblem } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../i18n/field-error-text';
import { useLanguage } from '../../i18n/use-language';
import { FIELD_KEYS, OPERATORS, defaultOp, fieldOf, newCondition, ruleOf, valuePrefix, type ConditionDraft, type RuleDraft } from './rule-draft';

/** Problems for one condition: core's (as you type) and the server's (after sending). */
function problemsAt(problems: readonly { path: string; code: string }[], prefix: string) {
  return problems.filter((problem) => problem.path === prefix || problem.path.startsWith(`${prefix}/`));
}

const pointer = (path: (string | number)[]) => `/${path.join('/')}`;

/**
 * Builds a targeting rule from conditions over the risk profile. core/targeting checks it
 * as it is built, so an unknown field or a comparison the field does not allow is marked on
 * its condition before anything is sent; the server checks the same rule again.
 */
export function RuleBuilder({ draft, onChange, serverProblems }: { draft: RuleDraft; onChange: (draft: RuleDraft) => void; serverProblems: readonly FieldProblem[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const checked = validateRule(ruleOf(draft));
  const local = checked.ok ? [] : checked.error.map((problem) => ({ path: pointer(problem.path), code: problem.code }));
  const fromServer = serverProblems.filter((problem) => problem.path.startsWith('/rule')).map((problem) => ({ path: problem.path.slice('/rule'.length), code: problem.code }));
  const all = [...local, ...fromServer];
  const set = (i: number, change: Partial<ConditionDraft>) => onChange({ ...draft, conditions: draft.conditions.map((c, j) => (j === i ? { ...c, ...change } : c)) });
  const remove = (i: number) => onChange({ ...draft, conditions: draft.conditions.filter((_, j) => j !== i) });

  return (
    <fieldset className="card rule-builder" data-testid="rule-builder">
      <legend>{t('programmes.rule.heading')}</legend>
      <div className="field">
        <label htmlFor="rule-combinator">{t('programmes.rule.combine')}</label>
        <select id="rule-combinator" data-testid="rule-combinator" value={draft.combinator} onChange={(e) => onChange({ ...draft, combinator: e.target.value as RuleDraft['combinator'] })}>
          <option value="all">{t('programmes.rule.all')}</option>
          <option value="any">{t('programmes.rule.any')}</option>
        </select>
      </div>
      {problemsAt(all, `/${draft.combinator}`).filter((p) => p.path === `/${draft.combinator}`).map((p, k) => (
        <p key={k} className="field-error" data-testid="rule-problem" data-code={p.code}><span>{fieldErrorText(t, p)}</span></p>
      ))}
      <ol className="plain-list">
        {draft.conditions.map((condition, i) => {
          const problems = problemsAt(all, `/${draft.combinator}/${i}`);
          const type = fieldOf(condition.field)?.type;
          return (
            <li key={i} className={`rule-condition${problems.length > 0 ? ' field-invalid' : ''}`} data-testid="rule-condition">
              <div className="rule-row">
                <select aria-label={t('programmes.rule.field')} data-testid={`rule-field-${i}`} value={condition.field} onChange={(e) => set(i, { field: e.target.value, op: defaultOp(e.target.value), values: [], value: '' })}>
                  {FIELD_KEYS.map((key) => (
                    <option key={key} value={key}>{fieldOf(key)!.label[language]}</option>
                  ))}
                </select>
                <select aria-label={t('programmes.rule.operator')} data-testid={`rule-op-${i}`} value={condition.op} onChange={(e) => set(i, { op: e.target.value as ConditionDraft['op'] })}>
                  {OPERATORS.map((op) => (
                    <option key={op} value={op}>{t(`programmes.rule.op.${op}`)}</option>
                  ))}
                </select>
                <ValueInput index={i} condition={condition} type={type} onChange={(change) => set(i, change)} />
                <button type="button" className="secondary" onClick={() => remove(i)} aria-label={t('programmes.rule.remove')}>×</button>
              </div>
              {problems.map((p, k) => (
                <p key={k} className="field-error" data-testid="rule-problem" data-code={p.code} data-path={p.path}><span>{fieldErrorText(t, p)}</span></p>
              ))}
            </li>
          );
        })}
      </ol>
      <button type="button" className="secondary" data-testid="rule-add" onClick={() => onChange({ ...draft, conditions: [...draft.conditions, newCondition()] })}>
        {t('programmes.rule.add')}
      </button>
    </fieldset>
  );
}

function ValueInput({ index, condition, type, onChange }: { index: number; condition: ConditionDraft; type: FieldType | undefined; onChange: (change: Partial<ConditionDraft>) => void }) {
  const { t } = useTranslation();
  const label = (value: string) => t(`${valuePrefix(condition.field)}.${value}`);
  const listed = type && (type.kind === 'choice' || type.kind === 'ordered') ? type.values : null;
  if (condition.op === 'in' && listed) {
    return (
      <span className="rule-values" role="group" aria-label={t('programmes.rule.values')}>
        {listed.map((value) => (
          <label key={value} className="choice">
            <input
              type="checkbox"
              data-testid={`rule-in-${index}-${value}`}
              checked={condition.values.includes(value)}
              onChange={(e) => onChange({ values: e.target.checked ? [...condition.values, value] : condition.values.filter((v) => v !== value) })}
            />{' '}
            {label(value)}
          </label>
        ))}
      </span>
    );
  }
  if (condition.op === 'in') {
    return <input aria-label={t('programmes.rule.values')} data-testid={`rule-value-${index}`} value={condition.values.join(',')} onChange={(e) => onChange({ values: e.target.value.split(',').map((v) => v.trim()).filter((v) => v !== '') })} />;
  }
  if ((condition.op === 'gte' || condition.op === 'lte') && listed && type?.kind === 'ordered') {
    return (
      <select aria-label={t('programmes.rule.value')} data-testid={`rule-value-${index}`} value={condition.value} onChange={(e) => onChange({ value: e.target.value })}>
        <option value="">{t('programmes.rule.choose')}</option>
        {listed.map((value) => (
          <option key={value} value={value}>{label(value)}</option>
        ))}
      </select>
    );
  }
  return <input aria-label={t('programmes.rule.value')} data-testid={`rule-value-${index}`} inputMode={type?.kind === 'number' ? 'numeric' : undefined} value={condition.value} onChange={(e) => onChange({ value: e.target.value })} />;
}
