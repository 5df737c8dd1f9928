import type { DisclosureMethod, Result, Verb } from '@waymark/core';
import type { z } from 'zod';
import type { Failure } from '../failure';
import type { UseCaseContext } from '../use-cases/context';

/** One column of an exported table: a stable key, a header for people, a hashtag for machines. */
export interface ExportColumn {
  key: string;
  /** The header row (English: exports are exchanged between agencies; HXL carries the meaning). */
  label: string;
  /** HXL hashtag with attributes, e.g. `#affected+f+children` (domain.md §7). */
  hxl: string;
}

/** A cell: text, a count, or null where core/disclosure withheld it (exported empty). */
export type ExportCell = string | number | null;

/** What a view's producer hands the writers: already protected, ready to stream. */
export interface ExportTable {
  columns: readonly ExportColumn[];
  rows: readonly (readonly ExportCell[])[];
  /**
   * The published totals row, where the screen shows one ("All"): written under the rows in
   * CSV and XLSX, never in HXL, whose tools would count it as one more place.
   */
  footer?: readonly ExportCell[];
  /** The k the table was published with: every non-zero count shown is at least this. */
  suppressionThreshold: number;
  /**
   * How the counts were published when by the cell-key method (and with which parameters):
   * written into the About sheet and the `Waymark-Disclosure` header of every format.
   * Absent for a table still published by per-table suppression.
   */
  disclosure?: DisclosureMethod;
  /** The operation the numbers come from, when there is exactly one (audited there). */
  operationId: string | null;
}

/**
 * An aggregate view that may leave the server as a file. Its rows come only from a
 * producer that runs core/disclosure, so an export can never show more than the screen.
 */
export interface AggregateView<P extends z.ZodObject = z.ZodObject> {
  id: string;
  title: string;
  /** The rule-book verb needed to see it (checked again inside the producer). */
  verb: Verb;
  /** Its own query parameters, besides `format`. */
  params: P;
  /** Parameters naming an operation, checked with canInOperation before anything runs. */
  operationParam?: keyof z.output<P> & string;
  produce(ctx: UseCaseContext, params: z.output<P>): Promise<Result<ExportTable, Failure>>;
}

/** Keeps each view's parameter type while the registry holds them side by side. */
export const defineView = <P extends z.ZodObject>(view: AggregateView<P>): AggregateView => view as unknown as AggregateView;
