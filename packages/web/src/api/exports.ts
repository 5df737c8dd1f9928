import { EXPORT_ROWS_HEADER, type ExportFormat } from '@waymark/contracts';
import { ApiProblem, problemFromBody } from './problem';

/** What has arrived so far; `rows` only for the CSV formats, where a line is a row. */
export interface ExportProgress {
  bytes: number;
  rows: number | null;
  totalRows: number | null;
}

export interface DownloadedExport {
  blob: Blob;
  filename: string;
}

/** A view's own parameters, as its screen holds them; lists go as comma lists, like every query. */
export type ExportParams = Record<string, string | number | readonly string[] | undefined>;

export const exportPath = (view: string, format: ExportFormat, params: ExportParams = {}): string => {
  const search = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  return `/api/v1/exports/${encodeURIComponent(view)}?${search.toString()}`;
};

const HEADER_LINES: Record<ExportFormat, number> = { csv: 1, hxl: 2, xlsx: 0 };
const NEWLINE = 10;

/**
 * Downloads an export through fetch rather than a plain link, so the reader sees it
 * arriving (bytes, and rows for CSV/HXL against the total the server announces) and a
 * refusal shows as a translated problem instead of a saved error page.
 */
export async function downloadExport(
  view: string,
  format: ExportFormat,
  params: ExportParams,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<DownloadedExport> {
  let response: Response;
  try {
    response = await fetch(exportPath(view, format, params), { credentials: 'same-origin', cache: 'no-store', ...(signal ? { signal } : {}) });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem(0, 'network_error');
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
    throw problemFromBody(response.status, body);
  }
  const announced = Number(response.headers.get(EXPORT_ROWS_HEADER));
  const totalRows = Number.isFinite(announced) && response.headers.has(EXPORT_ROWS_HEADER) ? announced : null;
  const countsRows = format !== 'xlsx';
  const parts: Uint8Array[] = [];
  let bytes = 0;
  let lines = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      bytes += value.byteLength;
      if (countsRows) for (const byte of value) if (byte === NEWLINE) lines++;
      const rows = countsRows ? Math.max(0, lines - HEADER_LINES[format]) : null;
      onProgress({ bytes, rows: rows === null || totalRows === null ? rows : Math.min(rows, totalRows), totalRows });
    }
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { blob: new Blob(parts as BlobPart[], { type }), filename: named ?? `waymark-${view}.${format === 'hxl' ? 'hxl.csv' : format}` };
}

/** Hands a downloaded file to the browser's own download (the reader chooses where it goes). */
export function saveFile({ blob, filename }: DownloadedExport): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click the browser holds the file; the object URL is not needed any more.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
