import { EXPORT_FORMATS, type ExportFormat } from '@waymark/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadExport, saveFile, type ExportParams, type ExportProgress } from '../api/exports';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { ProblemMessage } from './ProblemMessage';

type State =
  | { kind: 'idle' }
  | { kind: 'loading'; format: ExportFormat; progress: ExportProgress | null }
  | { kind: 'saved'; filename: string }
  | { kind: 'failed'; error: unknown };

/**
 * CSV, Excel and HXL downloads of an aggregate view (GET /api/v1/exports/{view}), with
 * progress while the file streams in. Any page showing an exportable view can use it:
 * `<ExportButtons view="risk-by-area" params={{ operationId }} />`. The server applies the
 * same suppression as on screen and audits the export.
 */
export function ExportButtons({ view, params = {}, testId }: { view: string; params?: ExportParams; /** When a page has several: tells them apart. */ testId?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const start = async (format: ExportFormat) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'loading', format, progress: null });
    try {
      const file = await downloadExport(view, format, params, (progress) => setState({ kind: 'loading', format, progress }), controller.signal);
      saveFile(file);
      setState({ kind: 'saved', filename: file.filename });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') setState({ kind: 'idle' });
      else setState({ kind: 'failed', error });
    }
  };

  const size = (bytes: number) => t('exports.size', { kb: formatNumber(Math.max(1, Math.round(bytes / 1024)), language) });
  const progressText = (progress: ExportProgress | null) => {
    if (progress === null) return t('exports.preparing');
    if (progress.rows !== null && progress.totalRows !== null) {
      return t('exports.receivedRows', { size: size(progress.bytes), rows: formatNumber(progress.rows, language), total: formatNumber(progress.totalRows, language) });
    }
    return t('exports.received', { size: size(progress.bytes) });
  };

  return (
    <div className="export-buttons" data-testid={testId ?? `export-${view}`}>
      <div className="button-row" role="group" aria-label={t('exports.label')}>
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" className="secondary" disabled={state.kind === 'loading'} onClick={() => void start(format)} data-testid={`export-${format}`}>
            {t(`exports.format.${format}`)}
          </button>
        ))}
        {state.kind === 'loading' && (
          <button type="button" className="secondary" onClick={() => abort.current?.abort()}>
            {t('exports.cancel')}
          </button>
        )}
      </div>
      {state.kind === 'loading' && (
        <p role="status" className="muted" data-testid="export-progress">
          {progressText(state.progress)}
          {state.progress?.totalRows ? <progress max={state.progress.totalRows} value={state.progress.rows ?? undefined} /> : <progress />}
        </p>
      )}
      {state.kind === 'saved' && (
        <p role="status" className="muted" data-testid="export-saved">
          {t('exports.saved', { file: state.filename })}
        </p>
      )}
      {state.kind === 'failed' && <ProblemMessage error={state.error} />}
      <p className="muted">{t('exports.hint')}</p>
    </div>
  );
}
