import { keys } from '../../api/keys';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { prepareFormatters } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { listPersons, listSites } from '../../api/persons';
import { ProblemMessage } from '../../components/ProblemMessage';
import { toQueryFilters } from './filters';
import { usePeopleFilters } from './filter-state';
import { PeopleFilters } from './PeopleFilters';
import { PeopleTable } from './PeopleTable';
import { useDebounced } from './use-debounced';

const PAGE_SIZE = 25;

export function PeopleListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { form, setForm, cursors, setCursors } = usePeopleFilters();
  // While the first page is on its way (an effect runs after the first render, which has sent it).
  useEffect(() => {
    const prepare = setTimeout(() => prepareFormatters(language), 0);
    return () => clearTimeout(prepare);
  }, [language]);
  const sites = useQuery({ queryKey: keys.sites, queryFn: listSites, staleTime: 5 * 60_000 });
  const name = useDebounced(form.name, 300);
  const filters = toQueryFilters({ ...form, name });
  const cursor = cursors[cursors.length - 1];
  const page = cursor === undefined ? { limit: PAGE_SIZE } : { limit: PAGE_SIZE, cursor };
  const offset = cursors.length * PAGE_SIZE;
  const people = useQuery({
    queryKey: keys.personList(filters, page),
    queryFn: ({ signal }) => listPersons(filters, page, signal),
    placeholderData: keepPreviousData,
  });
  const total = people.data?.total ?? 0;
  // Past 10,000 matches the server stops counting: say "more than" rather than a false exact
  // number. Paging goes on regardless: the server says whether a next page exists.
  const exact = people.data?.totalIsExact ?? true;
  const more = (people.data?.nextCursor ?? null) !== null;
  // While the next page loads, the previous one stays on screen: not a page to go on from.
  const nextCursor = people.isPlaceholderData ? null : (people.data?.nextCursor ?? null);
  const shown = people.data?.items.length ?? 0;
  const siteNames = new Map((sites.data?.items ?? []).map((site) => [site.id, site.name]));

  return (
    <section className="people">
      <h1 tabIndex={-1}>{t('people.heading')}</h1>
      <PeopleFilters form={form} sites={sites.data?.items ?? []} onChange={setForm} />
      <div className="list-status" role="status" aria-live="polite">
        {people.isPending ? t('app.loading') : (
          <span data-testid="people-total" data-total={total}>{t(exact ? 'people.total' : 'people.totalAtLeast', { total })}</span>
        )}
      </div>
      {people.isError && <ProblemMessage error={people.error} />}
      {people.data && people.data.items.length === 0 && <p className="empty">{t('people.none')}</p>}
      {people.data && people.data.items.length > 0 && <PeopleTable people={people.data.items} siteNames={siteNames} />}
      {(cursors.length > 0 || more) && (
        <nav className="pager" aria-label={t('people.pages')}>
          <button type="button" className="secondary" data-testid="people-previous" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('people.previous')}
          </button>
          <span data-testid="people-range">
            {exact || more
              ? t(exact ? 'people.range' : 'people.rangeAtLeast', { from: offset + 1, to: offset + shown, total })
              : // The last page past the count cap: now the whole number is known.
                t('people.range', { from: offset + 1, to: offset + shown, total: offset + shown })}
          </span>
          <button type="button" className="secondary" data-testid="people-next" disabled={nextCursor === null} onClick={() => nextCursor && setCursors([...cursors, nextCursor])}>
            {t('people.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
