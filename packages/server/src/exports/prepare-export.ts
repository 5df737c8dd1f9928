import type { Writable } from 'node:stream';
import { can, canInOperation, err, ok, type Result } from '@waymark/core';
import { ExportQuerySchema, type ExportFormat } from '@waymark/contracts';
import { writeAudit } from '../db/audit';
import { failure, type Failure } from '../failure';
import { parse } from '../http/parse';
import { auditActorId } from '../use-cases/console/console-actor';
import type { UseCaseContext } from '../use-cases/context';
import { markedSynthetic, type AggregateView, type ExportTable } from './aggregate-view';
import { anySyntheticOperation } from '../db/operations-repository';
import { isHxlHashtag } from './hxl';
import { findView } from './registry';
import { writeCsv } from './write-csv';
import { writeXlsx } from './write-xlsx';

/** An export that was allowed and audited: only its bytes remain to be written. */
export interface PreparedExport {
  viewId: string;
  format: ExportFormat;
  filename: string;
  contentType: string;
  rowCount: number;
  /** The disclosure method and its parameters in one line, for the response header. */
  disclosure: string;
  write(out: Writable, onRow?: (written: number) => void): Promise<void>;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  // HXL is CSV with a hashtag row; it has no media type of its own.
  hxl: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', hxl: 'hxl.csv', xlsx: 'xlsx' };

/** Parameters as the audit keeps them: ids, codes and dates only (aggregates take no names). */
function auditedParameters(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || key === 'format') continue;
    out[key] = Array.isArray(value) ? value.map(String).join(',') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  }
  return out;
}

/**
 * Everything an export needs before its first byte: the view exists (404), the actor may
 * see it (403, audited as refused), its parameters are valid (400 with the field path),
 * its table has been through core/disclosure, and the export is in the audit chain. Only
 * then can anything be written, so a refused or invalid export writes nothing.
 */
export async function prepareExport(ctx: UseCaseContext, viewId: string, query: unknown): Promise<Result<PreparedExport, Failure>> {
  const view = findView(viewId);
  if (!view) return err(failure('not_found'));
  const refuse = async (format: string | undefined) => {
    await ctx.db.transaction().execute((tx) =>
      writeAudit(tx, {
        actorId: auditActorId(ctx.actor),
        operationId: null,
        action: 'aggregate.export',
        resourceType: 'aggregate_view',
        resourceId: null,
        outcome: 'refused',
        details: { view: view.id, format: format ?? null },
      }),
    );
    return err(failure('forbidden'));
  };
  const askedFormat = typeof query === 'object' && query !== null && 'format' in query ? String(query.format) : undefined;
  if (!can(ctx.actor, view.verb)) return refuse(askedFormat);

  const parsed = parse(view.params.extend(ExportQuerySchema.shape), query);
  if (!parsed.ok) return parsed;
  const { format, ...params } = parsed.value as { format: ExportFormat } & Record<string, unknown>;
  const operationId = view.operationParam ? params[view.operationParam] : undefined;
  if (typeof operationId === 'string' && !canInOperation(ctx.actor, view.verb, operationId)) return refuse(format);

  const produced = await view.produce(ctx, params);
  if (!produced.ok) return produced.error.code === 'forbidden' ? refuse(format) : produced;
  // Any operation the numbers may come from being synthetic marks the whole file.
  const synthetic = await anySyntheticOperation(ctx.db, produced.value.operationId ? [produced.value.operationId] : ctx.actor.operationIds);
  const table = synthetic ? markedSynthetic(produced.value) : produced.value;
  // A column without a valid hashtag is a bug in a view; refuse to ship a broken HXL file.
  if (!table.columns.every((column) => isHxlHashtag(column.hxl))) return err(failure('internal_error', `view ${view.id} has an invalid hashtag`));

  const parameters = auditedParameters(params);
  await ctx.db.transaction().execute((tx) =>
    writeAudit(tx, {
      actorId: auditActorId(ctx.actor),
      operationId: table.operationId,
      action: 'aggregate.export',
      resourceType: 'aggregate_view',
      resourceId: null,
      details: {
        view: view.id,
        format,
        rows: table.rows.length,
        k: table.suppressionThreshold,
        ...Object.fromEntries(Object.entries(parameters).map(([key, value]) => [`param_${key}`, value])),
      },
    }),
  );
  return ok(prepared(view, format, table, { parameters, synthetic }, ctx.now()));
}

function prepared(
  view: AggregateView,
  format: ExportFormat,
  table: ExportTable,
  { parameters, synthetic }: { parameters: Record<string, string>; synthetic: boolean },
  at: Date,
): PreparedExport {
  return {
    viewId: view.id,
    format,
    filename: `waymark-${view.id}-${at.toISOString().slice(0, 10)}.${EXTENSIONS[format]}`,
    contentType: CONTENT_TYPES[format],
    rowCount: table.rows.length,
    disclosure: disclosureLine(table),
    write: (out, onRow) =>
      format === 'xlsx'
        ? writeXlsx(table, out, { title: view.title, generatedAt: at, parameters, synthetic }, onRow)
        : writeCsv(table, out, { hxl: format === 'hxl', ...(onRow ? { onRow } : {}) }),
  };
}

/** `cell-key; k=5; D=2; uniform; unbiased`, or `suppression; k=5` for a table not yet on the cell key. */
export function disclosureLine(table: ExportTable): string {
  const method = table.disclosure;
  if (!method) return `suppression; k=${table.suppressionThreshold}`;
  return `${method.method}; k=${method.threshold}; D=${method.maxPerturbation}; ${method.distribution}; unbiased`;
}
