import type { BestInterests, Bid, BidCreate, FieldProblem, Person } from '@waymark/contracts';
import {
  BID_PANEL_ROLES,
  BID_RECOMMENDATIONS,
  CHILD_NOT_HEARD_REASONS,
  bidRequirement,
  type BidPanelRole,
  type BidRecommendation,
  type CareSituation,
  type ChildNotHeardReason,
  type MoveStepKind,
} from '@waymark/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bestInterestsKey, childDeadlinesKey, childrenOverdueKey, recordBid } from '../../api/children';
import { isApiProblem } from '../../api/problem';
import { useCan } from '../../shared/session';
import { FieldError } from '../../components/FieldError';
import { SelectField, TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { FieldProblems } from './FieldProblems';
import { problemsAt, todayIso } from './child-facts';

/** Best Interests Determinations: the panel's decisions, and recording one. */
export function Determinations({ person, record }: { person: Person; record: BestInterests }) {
  const { t } = useTranslation();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="bid-heading" className="child-block">
      <div className="section-head">
        <h3 id="bid-heading">{t('children.bid.heading')}</h3>
        {can('child.determine') && !adding && !person.anonymisedAt && (
          <button type="button" className="link-button" onClick={() => setAdding(true)} data-testid="bid-start">{t('children.bid.record')}</button>
        )}
      </div>
      {record.determinations.length === 0 && !adding && <p className="muted">{t('children.bid.none')}</p>}
      <ul className="plain-list" data-testid="bid-list">
        {record.determinations.map((bid) => (
          <DeterminationItem key={bid.id} bid={bid} />
        ))}
      </ul>
      {adding && <BidForm person={person} record={record} onDone={() => setAdding(false)} />}
    </section>
  );
}

function DeterminationItem({ bid }: { bid: Bid }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li className="child-item" data-testid="bid">
      <p>
        <strong data-testid="bid-recommendation">{t(`children.recommendation.${bid.recommendation.kind}`)}</strong>
        {' · '}
        {t('children.bid.decidedOn', { date: formatDate(bid.decisionDate, language) })}
      </p>
      {bid.reasonCodes.length > 0 ? (
        <ul className="reason-list" data-testid="bid-reasons">
          {bid.reasonCodes.map((code) => <li key={code}>{t(`children.bidReason.${code}`)}</li>)}
        </ul>
      ) : (
        <p className="muted">{t('children.bid.noMinimumRule')}</p>
      )}
      <p className="muted">{t('children.bid.panelOf', { count: bid.panel.length })}</p>
      <ul className="reason-list" data-testid="bid-panel">
        {bid.panel.map((member) => (
          <li key={member.memberId}>
            <bdi>{member.memberId}</bdi> · {t(`children.panelRole.${member.role}`, { defaultValue: member.role })}
            {member.confidentialityUndertakingSigned && <> · {t('children.bid.undertakingSigned')}</>}
          </li>
        ))}
      </ul>
      {bid.childViewsWithheld ? (
        <p className="notice" data-testid="child-views-withheld">{t('children.bid.viewsWithheld')}</p>
      ) : (
        bid.childViews && <ChildViewsText views={bid.childViews} />
      )}
      {bid.recommendation.solutionStepId && <p className="muted" data-testid="bid-on-a-move">{t('children.bid.decidedOnMove')}</p>}
      <p data-testid="bid-review">
        {t('children.review.dueOn', { date: formatDate(bid.reviewDueOn, language) })} · {t(`children.review.reason.${bid.reviewDueReason}`)}
      </p>
    </li>
  );
}

function ChildViewsText({ views }: { views: NonNullable<Bid['childViews']> }) {
  const { t } = useTranslation();
  return (
    <p data-testid="child-views">
      <strong>{t('children.bid.childViews')}:</strong> {t(`children.views.${views.kind}`)}
      {views.kind === 'disagrees' && <> · <bdi className="note-body">{views.reasons}</bdi></>}
      {views.kind === 'could_not_be_heard' && (
        <>
          {' · '}{t(`children.notHeard.${views.why}`)}
          {views.note && <> · <bdi className="note-body">{views.note}</bdi></>}
        </>
      )}
    </p>
  );
}

interface PanelDraft {
  memberId: string;
  role: BidPanelRole | '';
  signed: boolean;
}

type ViewsKind = '' | 'agrees' | 'disagrees' | 'could_not_be_heard';
type Situation = NonNullable<BidCreate['situation']>;
const SITUATION_FLAGS = ['choosingDurableSolution', 'exceptionalTemporaryCare', 'mayBeSeparatedFromParentsAgainstTheirWill'] as const;

/** The move a decision is recorded on, when the form is opened from the child flagged on it. */
export interface BidMove {
  stepId: string;
  kind: MoveStepKind;
}

export function BidForm({ person, record, onDone, move }: { person: Person; record: BestInterests; onDone: () => void; move?: BidMove }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const latestBia = record.assessments[0];
  // A decision on a move is a durable solution for the child (rule a of the guidelines).
  const [situation, setSituation] = useState<Situation>({ choosingDurableSolution: move !== undefined, exceptionalTemporaryCare: false, mayBeSeparatedFromParentsAgainstTheirWill: false });
  const [panel, setPanel] = useState<PanelDraft[]>([]);
  const [viewsKind, setViewsKind] = useState<ViewsKind>('');
  const [reasons, setReasons] = useState('');
  const [why, setWhy] = useState<ChildNotHeardReason | ''>('');
  const [note, setNote] = useState('');
  const [recommendation, setRecommendation] = useState<BidRecommendation | ''>('');
  const [assessmentDate, setAssessmentDate] = useState(() => latestBia?.completedAt ?? todayIso());
  const [decisionDate, setDecisionDate] = useState(todayIso);
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  // The domain rules (core/children) say live whether this decision needs a formal BID, and why.
  const requirement = bidRequirement({ careSituation: person.careSituation as CareSituation | null, ...situation });

  const body = (): BidCreate => ({
    ...(latestBia ? { biaId: latestBia.id } : {}),
    assessmentDate,
    decisionDate,
    situation,
    panel: panel.map((member) => ({ memberId: member.memberId.trim(), role: member.role === '' ? null : member.role, confidentialityUndertakingSigned: member.signed })),
    childViews:
      viewsKind === ''
        ? null
        : viewsKind === 'agrees'
          ? { kind: 'agrees' }
          : viewsKind === 'disagrees'
            ? { kind: 'disagrees', reasons }
            : { kind: 'could_not_be_heard', why: why === '' ? 'other' : why, ...(note.trim() === '' ? {} : { note }) },
    recommendation: { kind: recommendation === '' ? null : recommendation, ...(move ? { solutionStepId: move.stepId } : {}) },
  });
  const save = useMutation({
    mutationFn: () => recordBid(person.id, body()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: bestInterestsKey(person.id) });
      void queryClient.invalidateQueries({ queryKey: childrenOverdueKey });
      void queryClient.invalidateQueries({ queryKey: childDeadlinesKey });
      onDone();
    },
    onError: (error) => setProblems(isApiProblem(error) ? [...error.fieldErrors] : []),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    save.mutate();
  };
  const setMember = (index: number, change: Partial<PanelDraft>) => setPanel((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const roleOptions = BID_PANEL_ROLES.map((value) => ({ value, label: t(`children.panelRole.${value}`) }));
  const panelProblems = problemsAt(problems, 'panel');

  return (
    <form className="stack bid-form" onSubmit={submit} data-testid="bid-form" noValidate>
      {move && (
        <p className="notice" data-testid="bid-on-move">
          {t('children.bid.onMove', { move: t(`solutions.stepKind.${move.kind}`) })}
          <FieldError id="bid-move-error" problems={problemsAt(problems, 'recommendation', 'solutionStepId')} />
        </p>
      )}
      <fieldset className="field checkbox-group">
        <legend>{t('children.bid.situation')}</legend>
        <div className="choices">
          {SITUATION_FLAGS.map((flag) => (
            <label key={flag} className="choice">
              <input type="checkbox" checked={situation[flag]} onChange={(event) => setSituation((s) => ({ ...s, [flag]: event.target.checked }))} data-testid={`bid-situation-${flag}`} />
              {t(`children.situation.${flag}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className={requirement.required ? 'notice' : 'muted'} data-testid="bid-requirement" data-required={requirement.required ? 'true' : 'false'}>
        <p>{requirement.required ? t('children.bid.required') : t('children.bid.notRequired')}</p>
        {requirement.required && (
          <ul className="reason-list">
            {requirement.reasons.map((reason) => <li key={reason.code}>{t(`children.bidReason.${reason.code}`)}</li>)}
          </ul>
        )}
      </div>

      <fieldset className={`field panel-members${panelProblems.length > 0 ? ' field-invalid' : ''}`} data-testid="bid-panel-members" aria-describedby={panelProblems.length > 0 ? 'bid-panel-error' : 'bid-panel-hint'}>
        <legend>{t('children.field.panel')}</legend>
        <span className="hint" id="bid-panel-hint">{t('children.bid.panelHint')}</span>
        {panel.map((member, index) => (
          <div className="panel-member" key={index} data-testid="panel-member">
            <TextField id={`panel-${index}-id`} label={t('children.field.panelMember', { number: index + 1 })} hint={t('children.bid.memberIdHint')} value={member.memberId} onChange={(value) => setMember(index, { memberId: value })} problems={problemsAt(problems, 'panel', index, 'memberId')} testId={`panel-${index}-id`} inputProps={{ maxLength: 100 }} />
            <SelectField id={`panel-${index}-role`} label={t('children.field.role')} value={member.role} onChange={(value) => setMember(index, { role: value as BidPanelRole | '' })} options={roleOptions} empty={t('form.choose')} problems={problemsAt(problems, 'panel', index, 'role')} testId={`panel-${index}-role`} />
            <div className="field inline-check">
              <label className="choice">
                <input type="checkbox" checked={member.signed} onChange={(event) => setMember(index, { signed: event.target.checked })} data-testid={`panel-${index}-signed`} aria-describedby={`panel-${index}-signed-error`} />
                {t('children.field.confidentialityUndertakingSigned')}
              </label>
              <FieldError id={`panel-${index}-signed-error`} problems={problemsAt(problems, 'panel', index, 'confidentialityUndertakingSigned')} />
            </div>
            <button type="button" className="link-button" onClick={() => setPanel((rows) => rows.filter((_, i) => i !== index))}>{t('children.bid.removeMember')}</button>
          </div>
        ))}
        <button type="button" onClick={() => setPanel((rows) => [...rows, { memberId: '', role: '', signed: false }])} data-testid="panel-add">{t('children.bid.addMember')}</button>
        <FieldError id="bid-panel-error" problems={panelProblems} />
      </fieldset>

      <SelectField
        id="bid-views"
        label={t('children.bid.childViews')}
        hint={t('children.bid.childViewsHint')}
        value={viewsKind}
        onChange={(value) => setViewsKind(value as ViewsKind)}
        options={(['agrees', 'disagrees', 'could_not_be_heard'] as const).map((value) => ({ value, label: t(`children.views.${value}`) }))}
        empty={t('form.choose')}
        problems={problemsAt(problems, 'childViews')}
        testId="bid-views"
      />
      {viewsKind === 'disagrees' && (
        <label className="field">
          {t('children.field.reasons')}
          <textarea value={reasons} onChange={(event) => setReasons(event.target.value)} maxLength={2000} rows={3} data-testid="bid-views-reasons" />
          <FieldError id="bid-views-reasons-error" problems={problemsAt(problems, 'childViews', 'reasons')} />
        </label>
      )}
      {viewsKind === 'could_not_be_heard' && (
        <div className="grid">
          <SelectField id="bid-views-why" label={t('children.field.why')} value={why} onChange={(value) => setWhy(value as ChildNotHeardReason | '')} options={CHILD_NOT_HEARD_REASONS.map((value) => ({ value, label: t(`children.notHeard.${value}`) }))} empty={t('form.choose')} problems={problemsAt(problems, 'childViews', 'why')} testId="bid-views-why" />
          <TextField id="bid-views-note" label={t('children.field.note')} value={note} onChange={setNote} problems={problemsAt(problems, 'childViews', 'note')} inputProps={{ maxLength: 2000 }} />
        </div>
      )}
      <SelectField
        id="bid-recommendation"
        label={t('children.field.recommendation')}
        value={recommendation}
        onChange={(value) => setRecommendation(value as BidRecommendation | '')}
        options={BID_RECOMMENDATIONS.map((value) => ({ value, label: t(`children.recommendation.${value}`) }))}
        empty={t('form.choose')}
        problems={problemsAt(problems, 'recommendation', 'kind')}
        testId="bid-recommendation"
      />
      <div className="grid">
        <TextField id="bid-assessment-date" type="date" label={t('children.field.assessmentDate')} value={assessmentDate} onChange={setAssessmentDate} problems={problemsAt(problems, 'assessmentDate')} testId="bid-assessment-date" />
        <TextField id="bid-decision-date" type="date" label={t('children.field.decisionDate')} value={decisionDate} onChange={setDecisionDate} problems={problemsAt(problems, 'decisionDate')} testId="bid-decision-date" />
      </div>
      <FieldProblems problems={problems} testId="bid-problems" />
      {save.isError && problems.length === 0 && <ProblemMessage error={save.error} />}
      <div className="button-row">
        <button type="submit" disabled={save.isPending} data-testid="bid-submit">{t('children.bid.save')}</button>
        <button type="button" className="link-button" onClick={onDone}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}
