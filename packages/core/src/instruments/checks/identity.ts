import type { Instrument } from '../instrument';
import { problem, type InstrumentProblem, type ProblemPath } from '../problems';

function duplicates(ids: string[], path: (index: number) => ProblemPath, what: string): InstrumentProblem[] {
  const seen = new Set<string>();
  const found: InstrumentProblem[] = [];
  ids.forEach((id, index) => {
    if (seen.has(id)) found.push(problem('duplicate_id', path(index), `${what} "${id}" is defined twice`));
    seen.add(id);
  });
  return found;
}

/** Ids are unique, and every domain or indicator named anywhere exists. */
export function checkIdentity(instrument: Instrument): InstrumentProblem[] {
  const found: InstrumentProblem[] = [
    ...duplicates(instrument.domains.map((d) => d.id), (i) => ['domains', i, 'id'], 'domain'),
    ...duplicates(instrument.indicators.map((d) => d.id), (i) => ['indicators', i, 'id'], 'indicator'),
    ...duplicates(instrument.items.map((d) => d.id), (i) => ['items', i, 'id'], 'item'),
    ...duplicates(instrument.overrides.map((d) => d.id), (i) => ['overrides', i, 'id'], 'override'),
    ...duplicates(
      instrument.derivedIndicators.map((d) => d.indicator),
      (i) => ['derivedIndicators', i, 'indicator'],
      'registration indicator',
    ),
  ];
  instrument.domains.forEach((domain, d) => {
    found.push(...duplicates(domain.actions.map((a) => a.id), (i) => ['domains', d, 'actions', i, 'id'], 'action'));
  });
  instrument.overrides.forEach((override, o) => {
    found.push(
      ...duplicates(override.actions.map((a) => a.id), (i) => ['overrides', o, 'actions', i, 'id'], 'action'),
    );
  });

  const domainIds = new Set(instrument.domains.map((d) => d.id));
  const indicatorDomain = new Map(instrument.indicators.map((i) => [i.id, i.domain]));
  instrument.indicators.forEach((indicator, i) => {
    if (!domainIds.has(indicator.domain)) {
      found.push(problem('unknown_domain', ['indicators', i, 'domain'], `no domain "${indicator.domain}"`));
    }
  });

  const checkIndicator = (indicator: string | undefined, domain: string, path: ProblemPath) => {
    if (indicator === undefined) return;
    const owner = indicatorDomain.get(indicator);
    if (owner === undefined) found.push(problem('unknown_indicator', path, `no indicator "${indicator}"`));
    else if (owner !== domain) {
      found.push(problem('indicator_domain_mismatch', path, `indicator "${indicator}" belongs to "${owner}"`));
    }
  };

  instrument.items.forEach((item, i) => {
    if (!domainIds.has(item.domain)) {
      found.push(problem('unknown_domain', ['items', i, 'domain'], `no domain "${item.domain}"`));
    }
    const markings = item.type === 'number' || item.type === 'date' ? item.bands : item.choices;
    const key = item.type === 'number' || item.type === 'date' ? 'bands' : 'choices';
    markings.forEach((marking, m) => checkIndicator(marking.indicator, item.domain, ['items', i, key, m, 'indicator']));
  });
  instrument.derivedIndicators.forEach((derived, i) => {
    const owner = indicatorDomain.get(derived.indicator);
    if (owner === undefined) {
      found.push(problem('unknown_indicator', ['derivedIndicators', i, 'indicator'], `no indicator "${derived.indicator}"`));
    }
  });
  return found;
}
