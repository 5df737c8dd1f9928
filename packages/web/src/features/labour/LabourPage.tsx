import { ILO_FORCED_LABOUR_INDICATORS, LABOUR_SECTORS, LABOUR_SOURCE_TYPES, WORKING_CONDITIONS } from '@waymark/core';
import type { FieldProblem } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createWorkplace, findPeopleByName, getWorkplace, labourByArea, linkPerson, listWorkplaces, recordWorkplaceReport } from '../../api/labour';
import { isApiProblem } from '../../api/problem';
import { useCan } from '../../shared/session';
import { FieldError } from '../../components/FieldError';
import { ExportButtons } from '../../components/ExportButtons';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { FiguresNote } from '../map/FiguresNote';
import { useAreaNames } from '../programmes/use-area-names';
import { LabourMap } from './LabourMap';

const labelIn = <T extends { code: string; label: { en: string; ar: string } }>(terms: readonly T[], code: string, language: 'en' | 'ar') =>
  terms.find((term) => term.code === code)?.label[language] ?? code;

/** Where refugees work and in what conditions: workplaces, what sources reported, who was screened there. */
export function LabourPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const [open, setOpen] = useState<string | null>(null);
  const workplaces = useQuery({ queryKey: ['workplaces'], queryFn: listWorkplaces, enabled: can('labour.read') });
  // Names from the boundaries of the operation the workplaces are in (codes where there are none).
  const nameOf = useAreaNames(workplaces.data?.items[0]?.operationId);
  return (
    <section aria-labelledby="labour-heading">
      <h1 id="labour-heading" tabIndex={-1}>{t('labour.heading')}</h1>
      <p className="muted">{t('labour.intro')}</p>
      {workplaces.isError && <ProblemMessage error={workplaces.error} />}
      {workplaces.data && (
        <table className="people-table" data-testid="workplace-list">
          <thead>
            <tr>
              <th scope="col">{t('labour.workplace')}</th>
              <th scope="col">{t('labour.sector')}</th>
              <th scope="col">{t('reports.area')}</th>
              <th scope="col">{t('labour.reports')}</th>
              <th scope="col">{t('labour.indicators')}</th>
              <th scope="col">{t('labour.peopleLinked')}</th>
            </tr>
          </thead>
          <tbody>
            {workplaces.data.items.length === 0 && (
              <tr><td colSpan={6} className="muted">{t('labour.none')}</td></tr>
            )}
            {workplaces.data.items.map((w) => (
              <tr key={w.id} data-testid="workplace-row">
                <th scope="row"><button type="button" className="link-button" data-testid="workplace-open" onClick={() => setOpen(w.id)}>{w.name}</button></th>
                <td data-label={t('labour.sector')}>{labelIn(LABOUR_SECTORS, w.sector, language)}</td>
                <td data-label={t('reports.area')}>{nameOf(w.adminAreaCode)}</td>
                <td data-label={t('labour.reports')}>{formatNumber(w.reportCount, language)}</td>
                <td data-label={t('labour.indicators')}>{w.indicators.map((code) => labelIn(ILO_FORCED_LABOUR_INDICATORS, code, language)).join(language === 'ar' ? '، ' : ', ') || '—'}</td>
                <td data-label={t('labour.peopleLinked')}>{formatNumber(w.peopleLinked, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <WorkplaceDetail key={open} id={open} mayRecord={can('labour.record')} />}
      {can('labour.record') && <NewWorkplaceForm onCreated={setOpen} />}
      {can('aggregate.read') && <LabourByAreaTable />}
    </section>
  );
}

function NewWorkplaceForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [sector, setSector] = useState<string>(LABOUR_SECTORS[0].code);
  const [area, setArea] = useState('');
  const create = useMutation({
    mutationFn: () => createWorkplace({ name, sector, adminAreaCode: area }),
    onSuccess: async (created) => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['workplaces'] });
      // The per-area layer counts these too.
      await queryClient.invalidateQueries({ queryKey: ['reports', 'labour-by-area'] });
      onCreated(created.id);
    },
  });
  const problems: readonly FieldProblem[] = isApiProblem(create.error) ? create.error.fieldErrors : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="card" onSubmit={submit} noValidate data-testid="workplace-form">
      <h2>{t('labour.newWorkplace')}</h2>
      <div className="field">
        <label htmlFor="workplace-name">{t('labour.workplace')}</label>
        <input id="workplace-name" data-testid="workplace-name" value={name} onChange={(e) => setName(e.target.value)} aria-describedby="workplace-name-error" />
        <FieldError id="workplace-name-error" problems={problems.filter((p) => p.path === '/name')} />
      </div>
      <div className="field">
        <label htmlFor="workplace-sector">{t('labour.sector')}</label>
        <select id="workplace-sector" data-testid="workplace-sector" value={sector} onChange={(e) => setSector(e.target.value)}>
          {LABOUR_SECTORS.map((s) => (
            <option key={s.code} value={s.code}>{s.label[language]}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="workplace-area">{t('labour.area')}</label>
        <input id="workplace-area" data-testid="workplace-area" value={area} onChange={(e) => setArea(e.target.value)} aria-describedby="workplace-area-error" />
        <FieldError id="workplace-area-error" problems={problems.filter((p) => p.path === '/adminAreaCode')} />
      </div>
      {create.isError && <ProblemMessage error={create.error} />}
      <button type="submit" data-testid="workplace-create" disabled={create.isPending}>{t('labour.create')}</button>
    </form>
  );
}

function WorkplaceDetail({ id, mayRecord }: { id: string; mayRecord: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const detail = useQuery({ queryKey: ['workplaces', id], queryFn: () => getWorkplace(id) });
  const nameOf = useAreaNames(detail.data?.operationId);
  if (detail.isPending) return <p role="status">{t('app.loading')}</p>;
  if (detail.isError) return <ProblemMessage error={detail.error} />;
  const w = detail.data;
  return (
    <section className="card" aria-labelledby="workplace-heading" data-testid="workplace-detail">
      <h2 id="workplace-heading">{w.name}</h2>
      <p>{labelIn(LABOUR_SECTORS, w.sector, language)} · {nameOf(w.adminAreaCode)}</p>
      <h3>{t('labour.reports')}</h3>
      {w.reports.length === 0 && <p className="muted">{t('labour.noReports')}</p>}
      <ul className="plain-list">
        {w.reports.map((report) => (
          <li key={report.id} data-testid="report-row">
            <strong>{formatDate(report.reportedOn, language)}</strong> · {labelIn(LABOUR_SOURCE_TYPES, report.sourceType, language)}
            {report.informantName && <> · {t('labour.informant')}: {report.informantName}</>}
            {report.hasInformant && !report.informantName && <> · <span className="muted" data-testid="informant-withheld">{t('labour.informantWithheld')}</span></>}
            {report.conditions.length > 0 && <div>{t('labour.conditions')}: {report.conditions.map((c) => labelIn(WORKING_CONDITIONS, c, language)).join(' · ')}</div>}
            {report.indicators.length > 0 && <div>{t('labour.indicators')}: {report.indicators.map((c) => labelIn(ILO_FORCED_LABOUR_INDICATORS, c, language)).join(' · ')}</div>}
            {report.hoursPerWeek !== null && <div>{t('labour.hoursShown', { hours: formatNumber(report.hoursPerWeek, language) })}</div>}
            {report.dailyPay !== null && <div>{t('labour.payShown', { pay: formatNumber(report.dailyPay, language), currency: report.payCurrency ?? '' })}</div>}
          </li>
        ))}
      </ul>
      <h3>{t('labour.people')}</h3>
      {w.people.length === 0 && <p className="muted">{t('labour.noPeople')}</p>}
      <ul className="plain-list">
        {w.people.map((person) => (
          <li key={person.personId} data-testid="linked-person">{person.givenName} {person.familyName}</li>
        ))}
      </ul>
      {mayRecord && <ReportForm id={id} />}
      {mayRecord && <LinkPersonForm id={id} />}
    </section>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function ReportForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [sourceType, setSourceType] = useState<string>(LABOUR_SOURCE_TYPES[0].code);
  const [reportedOn, setReportedOn] = useState(today);
  const [informant, setInformant] = useState('');
  const [conditions, setConditions] = useState<string[]>([]);
  const [indicators, setIndicators] = useState<string[]>([]);
  const [hours, setHours] = useState('');
  const record = useMutation({
    mutationFn: () =>
      recordWorkplaceReport(id, {
        sourceType,
        reportedOn,
        informantName: informant.trim() === '' ? null : informant,
        conditions,
        indicators,
        hoursPerWeek: hours.trim() === '' ? null : Number(hours),
      }),
    onSuccess: async () => {
      setConditions([]);
      setIndicators([]);
      setInformant('');
      await queryClient.invalidateQueries({ queryKey: ['workplaces'] });
      // The per-area layer counts these too.
      await queryClient.invalidateQueries({ queryKey: ['reports', 'labour-by-area'] });
    },
  });
  const problems: readonly FieldProblem[] = isApiProblem(record.error) ? record.error.fieldErrors : [];
  const toggle = (list: string[], set: (next: string[]) => void, code: string, on: boolean) => set(on ? [...list, code] : list.filter((c) => c !== code));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="report-form">
      <h3>{t('labour.recordConditions')}</h3>
      <div className="field">
        <label htmlFor="report-source">{t('labour.source')}</label>
        <select id="report-source" data-testid="report-source" value={sourceType} onChange={(e) => setSourceType(e.target.value)}>
          {LABOUR_SOURCE_TYPES.map((s) => (
            <option key={s.code} value={s.code}>{s.label[language]}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="report-date">{t('labour.reportedOn')}</label>
        <input id="report-date" type="date" data-testid="report-date" value={reportedOn} max={today()} onChange={(e) => setReportedOn(e.target.value)} aria-describedby="report-date-error" />
        <FieldError id="report-date-error" problems={problems.filter((p) => p.path === '/reportedOn')} />
      </div>
      <div className="field">
        <label htmlFor="report-informant">{t('labour.informant')}</label>
        <input id="report-informant" data-testid="report-informant" value={informant} onChange={(e) => setInformant(e.target.value)} aria-describedby="report-informant-hint" autoComplete="off" />
        <span className="hint" id="report-informant-hint">{t('labour.informantHint')}</span>
      </div>
      <fieldset className="field">
        <legend>{t('labour.conditions')}</legend>
        {WORKING_CONDITIONS.map((c) => (
          <label key={c.code} className="choice">
            <input type="checkbox" data-testid={`condition-${c.code}`} checked={conditions.includes(c.code)} onChange={(e) => toggle(conditions, setConditions, c.code, e.target.checked)} /> {c.label[language]}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t('labour.indicators')}</legend>
        {ILO_FORCED_LABOUR_INDICATORS.map((c) => (
          <label key={c.code} className="choice">
            <input type="checkbox" data-testid={`indicator-${c.code}`} checked={indicators.includes(c.code)} onChange={(e) => toggle(indicators, setIndicators, c.code, e.target.checked)} /> {c.label[language]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="report-hours">{t('labour.hours')}</label>
        <input id="report-hours" data-testid="report-hours" inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} aria-describedby="report-hours-error" />
        <FieldError id="report-hours-error" problems={problems.filter((p) => p.path === '/hoursPerWeek')} />
      </div>
      {record.isError && <ProblemMessage error={record.error} />}
      <button type="submit" data-testid="report-submit" disabled={record.isPending}>{t('labour.saveReport')}</button>
    </form>
  );
}

function LinkPersonForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const search = name.trim();
  const found = useQuery({ queryKey: ['workplaces', id, 'people-search', search], queryFn: () => findPeopleByName(search), enabled: search.length >= 2 });
  const link = useMutation({
    mutationFn: (personId: string) => linkPerson(id, personId),
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['workplaces'] });
      // The per-area layer counts these too.
      await queryClient.invalidateQueries({ queryKey: ['reports', 'labour-by-area'] });
    },
  });
  return (
    <div data-testid="link-form">
      <div className="field">
        <label htmlFor="link-person">{t('labour.linkPerson')}</label>
        <input id="link-person" data-testid="link-person" value={name} onChange={(e) => setName(e.target.value)} aria-describedby="link-person-hint" autoComplete="off" />
        <span className="hint" id="link-person-hint">{t('labour.linkPersonHint')}</span>
      </div>
      {found.data && found.data.items.length === 0 && <p className="muted">{t('labour.nobodyFound')}</p>}
      {found.data && found.data.items.length > 0 && (
        <ul className="plain-list" data-testid="link-candidates">
          {found.data.items.map((person) => (
            <li key={person.id}>
              {person.givenName} {person.familyName}{' '}
              <button type="button" className="secondary" data-testid={`link-${person.id}`} disabled={link.isPending} onClick={() => link.mutate(person.id)}>
                {t('labour.link')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {link.isError && <ProblemMessage error={link.error} />}
    </div>
  );
}

function LabourByAreaTable() {
  const { t } = useTranslation();
  const language = useLanguage();
  const layer = useQuery({ queryKey: ['reports', 'labour-by-area'], queryFn: labourByArea });
  const nameOf = useAreaNames(layer.data?.table.operationId);
  if (layer.isPending) return <p role="status">{t('app.loading')}</p>;
  if (layer.isError) return <ProblemMessage error={layer.error} />;
  const k = layer.data.suppressionThreshold;
  const cell = (value: number | null) => (value === null ? <span className="muted" title={t('disclosure.labourHidden', { k })}>{t('reports.suppressed', { k })}</span> : formatNumber(value, language));
  return (
    <section className="card" aria-labelledby="labour-areas-heading">
      <h2 id="labour-areas-heading">{t('labour.byArea')}</h2>
      <p className="muted">{t('labour.byAreaIntro', { k })}</p>
      <FiguresNote figures={layer.data.figures} k={k} />
      {layer.data.table.operationId && <LabourMap operationId={layer.data.table.operationId} layer={layer.data} />}
      <ExportButtons view="labour-by-area" />
      <table className="people-table" data-testid="labour-by-area">
        <thead>
          <tr>
            <th scope="col">{t('reports.area')}</th>
            <th scope="col">{t('labour.workplaces')}</th>
            <th scope="col">{t('labour.withIndicators')}</th>
            <th scope="col">{t('labour.peopleLinked')}</th>
          </tr>
        </thead>
        <tbody>
          {layer.data.areas.map((area) => (
            <tr key={area.adminAreaCode} data-testid="labour-area-row">
              <th scope="row">{nameOf(area.adminAreaCode)}</th>
              <td data-label={t('labour.workplaces')}>{cell(area.workplaces)}</td>
              <td data-label={t('labour.withIndicators')}>{cell(area.workplacesWithIndicators)}</td>
              <td data-label={t('labour.peopleLinked')} data-testid="labour-people-linked">{cell(area.peopleLinked)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
