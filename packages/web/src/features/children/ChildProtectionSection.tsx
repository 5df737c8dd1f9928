import type { BestInterests, Person } from '@waymark/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bestInterestsKey, getBestInterests } from '../../api/children';
import { isApiProblem } from '../../api/problem';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { Assessments } from './Assessments';
import { CareArrangements } from './CareArrangements';
import { Determinations } from './Determinations';
import { IdentifyChild } from './IdentifyChild';
import { isOverdue, withoutParents } from './child-facts';

/**
 * The child-protection section of a child's page: identification as separated or
 * unaccompanied, Best Interests Assessments, Determinations, the next review and the
 * care-arrangement history. What the server withholds is said to be withheld.
 */
export function ChildProtectionSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const record = useQuery({ queryKey: bestInterestsKey(person.id), queryFn: () => getBestInterests(person.id), retry: false });
  const alone = withoutParents(person);
  const forbidden = isApiProblem(record.error) && record.error.code === 'forbidden';
  return (
    <section className="card child-protection" aria-labelledby="child-protection-heading" data-testid="child-protection">
      <h2 id="child-protection-heading">{t('children.heading')}</h2>
      <p data-testid="child-care-situation">
        {t('children.careSituation')}: <strong>{person.careSituation ? t(`careSituation.${person.careSituation}`) : t('form.notRecorded')}</strong>
      </p>
      {alone && <p className="notice" data-testid="child-identified">{t('children.identified')}</p>}
      {!alone && !person.anonymisedAt && can('person.update') && can('child.assess') && <IdentifyChild person={person} />}
      {record.isPending && <p role="status">{t('app.loading')}</p>}
      {forbidden && <p className="notice" data-testid="child-withheld">{t('children.withheld')}</p>}
      {record.isError && !forbidden && <ProblemMessage error={record.error} />}
      {record.data && (
        <>
          <NextReview record={record.data} />
          <Assessments personId={person.id} record={record.data} required={alone} anonymised={person.anonymisedAt !== null} />
          <Determinations person={person} record={record.data} />
          <CareArrangements person={person} record={record.data} />
        </>
      )}
    </section>
  );
}

function NextReview({ record }: { record: BestInterests }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const review = record.nextReview;
  if (!review) return <p className="muted" data-testid="next-review" data-state="none">{t('children.review.none')}</p>;
  const late = isOverdue(review.dueDate);
  return (
    <p className={late ? 'problem' : 'notice'} data-testid="next-review" data-state={late ? 'overdue' : 'scheduled'}>
      <strong>{t('children.review.scheduled', { date: formatDate(review.dueDate, language) })}</strong> {t(`children.review.reason.${review.reason}`)}
      {late && <> · {t('children.overdue')}</>}
    </p>
  );
}
