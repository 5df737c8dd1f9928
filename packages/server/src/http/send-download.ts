import { ok, type Result } from '@waymark/core';
import type { FastifyReply } from 'fastify';
import type { Failure } from '../failure';

/** A file the browser saves rather than shows: a printed document or a subject-access export. */
export interface Download {
  body: Buffer | object;
  filename: string;
  /** Left to Fastify when absent (an object goes out as JSON). */
  contentType?: string;
}

/** Never cached: a download holds what this reader may see. */
export function sendDownload(reply: FastifyReply, download: Download): FastifyReply {
  reply.header('content-disposition', `attachment; filename="${download.filename}"`).header('cache-control', 'no-store');
  if (download.contentType) reply.type(download.contentType);
  return reply.send(download.body);
}

export function pdfDownload(result: Result<Buffer, Failure>, filename: string): Result<Download, Failure> {
  return result.ok ? ok({ body: result.value, filename, contentType: 'application/pdf' }) : result;
}
