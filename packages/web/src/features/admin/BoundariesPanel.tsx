import type { FieldProblem } from '@waymark/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { ProblemMessage } from '../../components/ProblemMessage';
import { SelectField, TextField } from '../../components/fields';
import { fieldErrorKey } from '../../i18n/keys';
import { uploadBoundaries } from './admin-api';

const LEVELS = [1, 2, 3, 4, 5] as const;
/** How many of the file's codes to show when none matched: enough to spot the wrong property. */
const SAMPLE_CODES = 5;

/** A file read in the browser: its JSON, or why it is not JSON at all (never sent then). */
type ReadFile = { ok: true; name: string; json: unknown } | { ok: false; name: string };

/**
 * An operation loads its own boundaries, one admin level per file (geoBoundaries, HDX
 * COD-AB). The server checks the GeoJSON and names each fault by its JSON Pointer; a file
 * whose codes match nobody here is refused, and the codes it did carry are shown so the
 * administrator sees at once that the code property was the wrong one.
 */
export function BoundariesPanel({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<ReadFile | null>(null);
  const [level, setLevel] = useState('1');
  const [codeProperty, setCodeProperty] = useState('shapeID');
  const [nameProperty, setNameProperty] = useState('shapeName');
  const [source, setSource] = useState('');
  const upload = useMutation({
    mutationFn: (json: unknown) =>
      uploadBoundaries(operationId, { level: Number(level), codeProperty, nameProperty, source: source.trim() || (file?.name ?? ''), geojson: json }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['population'] }),
  });

  const choose = async (chosen: File | undefined) => {
    upload.reset();
    if (!chosen) return setFile(null);
    // The attribution starts as the file's name; the administrator adds its origin and licence.
    setSource(chosen.name);
    try {
      setFile({ ok: true, name: chosen.name, json: JSON.parse(await chosen.text()) as unknown });
    } catch {
      setFile({ ok: false, name: chosen.name });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file?.ok) upload.mutate(file.json);
  };
  const problems = isApiProblem(upload.error) ? upload.error.fieldErrors : [];
  const at = (field: string) => problems.filter((problem) => problem.path === `/${field}`);
  // A fault that only restates the problem (the whole file is of somewhere else) is not listed again.
  const problemCode = isApiProblem(upload.error) ? upload.error.code : undefined;
  const inFile = problems.filter((problem) => problem.path.startsWith('/geojson') && problem.code !== problemCode);
  const unmatched = isApiProblem(upload.error) && upload.error.code === 'boundary_codes_unmatched';

  return (
    <section className="card" aria-labelledby="admin-boundaries-heading" data-testid="admin-boundaries">
      <h2 id="admin-boundaries-heading">{t('admin.boundaries.heading')}</h2>
      <p className="hint">{t('admin.boundaries.intro')}</p>
      <form className="admin-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="boundary-file">{t('admin.boundaries.file')}</label>
          <span className="hint" id="boundary-file-hint">{t('admin.boundaries.fileHint')}</span>
          <input id="boundary-file" type="file" accept=".geojson,.json,application/geo+json,application/json" data-testid="boundary-file"
            aria-describedby="boundary-file-hint" onChange={(event) => void choose(event.target.files?.[0])} />
          {file && !file.ok && <span className="field-error" data-testid="boundary-not-json">{t('admin.boundaries.notJson', { file: file.name })}</span>}
        </div>
        <SelectField id="boundary-level" testId="boundary-level" label={t('admin.boundaries.level')} hint={t('admin.boundaries.levelHint')} value={level}
          onChange={setLevel} options={LEVELS.map((n) => ({ value: String(n), label: t('admin.boundaries.levelOption', { level: n }) }))} problems={at('level')} />
        <TextField id="boundary-code-property" testId="boundary-code-property" label={t('admin.boundaries.codeProperty')} hint={t('admin.boundaries.codePropertyHint')}
          value={codeProperty} onChange={setCodeProperty} problems={unmatched ? [] : at('codeProperty')} />
        <TextField id="boundary-name-property" testId="boundary-name-property" label={t('admin.boundaries.nameProperty')} value={nameProperty}
          onChange={setNameProperty} problems={at('nameProperty')} />
        <TextField id="boundary-source" testId="boundary-source" label={t('admin.boundaries.source')} hint={t('admin.boundaries.sourceHint')} value={source}
          onChange={setSource} problems={at('source')} />
        <button type="submit" data-testid="boundary-upload" disabled={!file?.ok || codeProperty.trim() === '' || upload.isPending}>
          {upload.isPending ? t('admin.boundaries.uploading') : t('admin.boundaries.upload')}
        </button>
      </form>

      {upload.isError && (
        <div className="boundary-problem" data-testid="boundary-problem">
          <ProblemMessage error={upload.error} />
          {inFile.length > 0 && <FileFaults faults={inFile} />}
          {unmatched && file?.ok && <UnmatchedCodes json={file.json} codeProperty={codeProperty} />}
        </div>
      )}
      {upload.data && (
        <p className="notice" role="status" data-testid="boundary-result">
          {t('admin.boundaries.loaded', { count: upload.data.areas, level: upload.data.level, matched: upload.data.matched, reparented: upload.data.reparented })}
        </p>
      )}
    </section>
  );
}

/** Each fault in the file at its JSON Pointer (the server sends the first few). */
function FileFaults({ faults }: { faults: readonly FieldProblem[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('admin.boundaries.faults')}</p>
      <ul data-testid="boundary-faults">
        {faults.map((fault, index) => (
          <li key={index} data-testid="boundary-fault" data-path={fault.path}>
            <code dir="ltr">{fault.path.slice('/geojson'.length) || '/'}</code> — {t(fieldErrorKey(fault.code))}
          </li>
        ))}
      </ul>
    </>
  );
}

/** None of the file's codes is used here: show some of them, read from the file as sent. */
function UnmatchedCodes({ json, codeProperty }: { json: unknown; codeProperty: string }) {
  const { t } = useTranslation();
  const codes = codesIn(json, codeProperty);
  return (
    <p data-testid="boundary-unmatched">
      {t('admin.boundaries.unmatched', { count: codes.length, property: codeProperty })}{' '}
      {codes.slice(0, SAMPLE_CODES).map((code) => (
        <code key={code} dir="ltr" className="code-chip">{code}</code>
      ))}
      {codes.length > SAMPLE_CODES && ' …'}
    </p>
  );
}

function codesIn(json: unknown, property: string): string[] {
  const features = typeof json === 'object' && json !== null && 'features' in json && Array.isArray(json.features) ? (json.features as unknown[]) : [];
  const codes: string[] = [];
  for (const feature of features) {
    const properties = typeof feature === 'object' && feature !== null && 'properties' in feature ? feature.properties : null;
    const code = typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>)[property] : undefined;
    if (typeof code === 'string' || typeof code === 'number') codes.push(String(code));
  }
  return codes;
}
