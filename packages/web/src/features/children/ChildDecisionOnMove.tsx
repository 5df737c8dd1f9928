import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bestInterestsKey, getBestInterests } from '../../api/children';
import { keys } from '../../api/keys';
import { getPerson } from '../../api/persons';
import { ProblemMessage } from '../../components/ProblemMessage';
import { BidForm, type BidMove } from './Determinations';

/**
 * The BID form for a child flagged on a move, opened from the move itself with the move
 * already named: the decision the move waits for, recorded without leaving the case.
 */
export function ChildDecisionOnMove({ childId, move, onDone }: { childId: string; move: BidMove; onDone: () => void }) {
  const { t } = useTranslation();
  const person = useQuery({ queryKey: keys.person(childId), queryFn: () => getPerson(childId), retry: false });
  const record = useQuery({ queryKey: bestInterestsKey(childId), queryFn: () => getBestInterests(childId), retry: false });
  if (person.isError) return <ProblemMessage error={person.error} />;
  if (record.isError) return <ProblemMessage error={record.error} />;
  if (!person.data || !record.data) return <p role="status">{t('app.loading')}</p>;
  return <BidForm person={person.data} record={record.data} move={move} onDone={onDone} />;
}
