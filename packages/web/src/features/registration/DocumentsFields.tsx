import type { FieldProblem } from '@waymark/contracts';
import { DOCUMENT_ISSUER_MAX, DOCUMENT_NUMBER_MAX, DOCUMENT_TYPES, type DocumentType } from '@waymark/core';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { SelectField, TextField, useVocabulary } from '../../components/fields';
import { FieldError } from '../../components/FieldError';
import { documentProblemsAt, emptyDocument, type DocumentDraft } from './document-draft';

interface Props {
  /** The member's index in the form, for unique ids. */
  index: number;
  documents: readonly DocumentDraft[];
  /** Every problem about this member's documents; each row picks its own by path. */
  problems: readonly FieldProblem[] | undefined;
  onChange: (documents: DocumentDraft[]) => void;
}

/**
 * A person's identity documents, a row each: type, number, issuer and expiry, added and
 * removed freely. Numbers and country codes are typed and shown left to right, also inside
 * the Arabic form; an issuer's name takes the direction of its own script.
 */
export function DocumentsFields({ index, documents, problems, onChange }: Props) {
  const { t } = useTranslation();
  const types = useVocabulary('document', DOCUMENT_TYPES);
  const id = (row: number, field: string) => `member-${index}-document-${row}-${field}`;
  const change = (row: number, patch: Partial<DocumentDraft>) =>
    onChange(documents.map((document, i) => (i === row ? { ...document, ...patch } : document)));
  const unplaced = (problems ?? []).filter((problem) => !/\/identityDocuments\/\d+/.test(problem.path));

  return (
    <fieldset className="field identity-documents" data-testid={`member-${index}-documents`}>
      <legend>{t('identityDocuments.legend')}</legend>
      <span className="hint">{t('identityDocuments.hint')}</span>
      {documents.map((document, row) => (
        <fieldset key={document.key} className="document-row" data-testid={id(row, 'row')}>
          <legend className="visually-hidden">{t('identityDocuments.item', { number: row + 1 })}</legend>
          <div className="grid">
            <SelectField id={id(row, 'type')} testId={id(row, 'type')} label={t('identityDocuments.type')} value={document.type}
              options={types} empty={t('form.choose')} required problems={documentProblemsAt(problems, row, 'type')}
              onChange={(type) => change(row, { type: type as DocumentType | '' })} />
            <TextField id={id(row, 'number')} testId={id(row, 'number')} label={t('identityDocuments.number')} value={document.number}
              problems={documentProblemsAt(problems, row, 'number')} onChange={(number) => change(row, { number })}
              inputProps={{ dir: 'ltr', maxLength: DOCUMENT_NUMBER_MAX, spellCheck: false, ...(document.numberWithheld ? { placeholder: t('identityDocuments.numberWithheld') } : {}) }} />
            <TextField id={id(row, 'issuer')} testId={id(row, 'issuer')} label={t('identityDocuments.issuer')} hint={t('identityDocuments.issuerHint')}
              value={document.issuer} problems={documentProblemsAt(problems, row, 'issuer')} onChange={(issuer) => change(row, { issuer })}
              inputProps={{ dir: 'auto', maxLength: DOCUMENT_ISSUER_MAX }} />
            <TextField id={id(row, 'expiryDate')} testId={id(row, 'expiryDate')} type="date" label={t('identityDocuments.expiryDate')}
              value={document.expiryDate} problems={[...documentProblemsAt(problems, row, 'expiryDate'), ...documentProblemsAt(problems, row, 'id'), ...documentProblemsAt(problems, row, 'row')]}
              onChange={(expiryDate) => change(row, { expiryDate })} />
          </div>
          <button type="button" className="link-button" data-testid={id(row, 'remove')}
            onClick={() => onChange(documents.filter((_, i) => i !== row))}>
            {t('identityDocuments.remove', { number: row + 1 })}
          </button>
        </fieldset>
      ))}
      <FieldError id={`member-${index}-documents-error`} problems={unplaced} />
      <button type="button" className="secondary" data-testid={`member-${index}-add-document`}
        onClick={() => onChange([...documents, emptyDocument(uuidv7())])}>
        {t('identityDocuments.add')}
      </button>
    </fieldset>
  );
}
