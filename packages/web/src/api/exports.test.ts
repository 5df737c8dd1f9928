import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadExport, exportPath, type ExportProgress } from './exports';
import { ApiProblem } from './problem';

/** A response whose body arrives in the given pieces, as a slow download does. */
function streamed(pieces: string[], headers: Record<string, string>, status = 200): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
  return new Response(body, { status, headers });
}

describe('downloading an export', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('builds the query from the view’s parameters, lists as comma lists', () => {
    expect(exportPath('population', 'hxl', { operationId: 'op', sex: ['female', 'male'], area: undefined, level: 1 })).toBe(
      '/api/v1/exports/population?format=hxl&operationId=op&sex=female%2Cmale&level=1',
    );
  });

  it('reports bytes and rows as they arrive, then hands over the file under the server’s name', async () => {
    const pieces = ['Area,People\r\n#adm1+code,#population\r\nA,', '10\r\nB,', '\r\nC,12\r\n'];
    vi.stubGlobal('fetch', vi.fn(async () => streamed(pieces, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="waymark-x.hxl.csv"', 'x-waymark-export-rows': '3' })));
    const seen: ExportProgress[] = [];
    const file = await downloadExport('x', 'hxl', {}, (progress) => seen.push(progress));
    expect(seen.map((p) => p.rows)).toEqual([0, 1, 3]);
    expect(seen.at(-1)).toEqual({ bytes: pieces.join('').length, rows: 3, totalRows: 3 });
    expect(file.filename).toBe('waymark-x.hxl.csv');
    expect(await file.blob.text()).toBe(pieces.join(''));
  });

  it('turns a refusal into the server’s problem, and saves nothing', async () => {
    const problem = JSON.stringify({ type: 'about:blank', title: 'Not allowed', status: 403, code: 'forbidden' });
    vi.stubGlobal('fetch', vi.fn(async () => streamed([problem], { 'content-type': 'application/problem+json' }, 403)));
    const error = await downloadExport('risk-by-area', 'csv', {}, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
  });
});
