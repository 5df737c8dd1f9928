import { PROTECTION_NOTE_TOPICS, type ProtectionNoteTopic } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addProtectionNote, getProtectionNotes, protectionNotesKey } from '../../api/protection-notes';
import { Link } from '../../shared/router';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

/**
 * The highly sensitive sections of a person's file (SGBV, trafficking, health, child
 * protection). Opening the panel is what reads them (and is audited), so it starts closed.
 * A section the reader is not cleared for shows that it exists, never what it says.
 */
export function ProtectionNotesPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-labelledby="notes-heading" data-testid="protection-notes">
      <div className="section-head">
        <h2 id="notes-heading">{t('notes.title')}</h2>
        {!open && (
          <button type="button" className="secondary" data-testid="notes-open" onClick={() => setOpen(true)}>
            {t('notes.open')}
          </button>
        )}
      </div>
      <p className="muted">{t('notes.intro')}</p>
      {open && <NotesList personId={personId} />}
      {open && can('protection_note.write') && <AddNote personId={personId} />}
    </section>
  );
}

function NotesList({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notes = useQuery({ queryKey: protectionNotesKey(personId), queryFn: () => getProtectionNotes(personId) });
  if (notes.isPending) return <p role="status">{t('app.loading')}</p>;
  if (notes.isError) return <ProblemMessage error={notes.error} />;
  if (notes.data.items.length === 0) return <p className="muted">{t('notes.none')}</p>;
  return (
    <ul className="plain-list notes">
      {notes.data.items.map((note) => (
        <li key={note.id} data-testid="note" data-restricted={note.restricted ? 'true' : 'false'}>
          <strong>{t(`notes.topic.${note.topic}`)}</strong> · {formatDateTime(note.updatedAt, language)}
          {note.restricted ? (
            <p className="notice">{t('notes.restricted')}</p>
          ) : (
            // Shown as text: whatever was typed, markup included, stays inert.
            <>
              <p className="note-body">{note.body}</p>
              {note.citedBy.length > 0 && (
                <p className="muted" data-testid="note-cited">
                  {t('notes.citedBy')}{' '}
                  {note.citedBy.map((citation, index) => (
                    <span key={citation.assessmentId}>
                      {index > 0 && ', '}
                      <Link to={{ name: 'case', caseId: citation.caseId }}>{t('notes.citedCase')}</Link>
                    </span>
                  ))}
                </p>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function AddNote({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [topic, setTopic] = useState<ProtectionNoteTopic>('trafficking');
  const [body, setBody] = useState('');
  const save = useMutation({
    mutationFn: () => addProtectionNote(personId, { topic, body }),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: protectionNotesKey(personId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="stack" data-testid="note-form">
      <label>
        {t('notes.topicLabel')}
        <select value={topic} onChange={(event) => setTopic(event.target.value as ProtectionNoteTopic)} data-testid="note-topic">
          {PROTECTION_NOTE_TOPICS.map((value) => (
            <option key={value} value={value}>{t(`notes.topic.${value}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('notes.bodyLabel')}
        <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={4} maxLength={20_000} data-testid="note-body" required />
      </label>
      {save.isError && <ProblemMessage error={save.error} />}
      <button type="submit" disabled={save.isPending || body.trim() === ''} data-testid="note-submit">{t('notes.add')}</button>
    </form>
  );
}
