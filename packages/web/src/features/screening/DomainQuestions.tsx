import type { FieldProblem } from '@waymark/contracts';
import type { Domain, Item } from '@waymark/core';
import { pickText } from '../../i18n/localized';
import { useLanguage } from '../../i18n/use-language';
import type { Draft, DraftValue } from './applicable';
import { ItemField } from './ItemField';

interface Props {
  domain: Domain;
  items: readonly Item[];
  draft: Draft;
  problems: ReadonlyMap<string, FieldProblem[]>;
  onAnswer: (itemId: string, value: DraftValue | undefined) => void;
}

/** One area of risk and the questions in it that apply now; an area with none is left out. */
export function DomainQuestions({ domain, items, draft, problems, onAnswer }: Props) {
  const language = useLanguage();
  if (items.length === 0) return null;
  const label = pickText(domain.label, language);
  const description = pickText(domain.description, language);
  return (
    <section className="card domain-section" aria-labelledby={`domain-${domain.id}`} data-domain={domain.id}>
      <h2 id={`domain-${domain.id}`} lang={label.lang}>{label.text}</h2>
      {description.text && <p className="hint" lang={description.lang}>{description.text}</p>}
      {items.map((item) => (
        <ItemField key={item.id} item={item} value={draft[item.id]} problems={problems.get(item.id)}
          onChange={(value) => onAnswer(item.id, value)} />
      ))}
    </section>
  );
}
