import { keys } from '../../api/keys';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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
  const { form, setForm, offset, setOffset } = usePeopleFilters();
  const sites = useQuery({ queryKey: keys.sites, queryFn: listSites, staleTime: 5 * 60_000 });
  const name = useDebounced(form.name, 300);
  const filters = toQueryFilters({ ...form, name });
  const page = { limit: PAGE_SIZE, offset };
  const people = useQuery({
    queryKey: keys.personList(filters, page),
    queryFn: ({ signal }) => listPersons(filters, page, signal),
    placeholderData: keepPreviousData,
  });
  const total = people.data?.total ?? 0;
  // Past 10,000 matches the server stops counting: say "more than" rather than a false exact number.
  const exact = people.data?.totalIsExact ?? true;
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
      {total > PAGE_SIZE && (
        <nav className="pager" aria-label={t('people.pages')}>
          <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {t('people.previous')}
          </button>
          <span>{t(exact ? 'people.range' : 'people.rangeAtLeast', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, total), total })}</span>
          <button type="button" className="secondary" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            {t('people.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
