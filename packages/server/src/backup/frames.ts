/**
 * Inside a backup (before gzip and encryption) the content is a sequence of frames:
 * one type byte, a 4-byte big-endian length, the payload. `M` manifest (JSON), `T` a
 * table begins (its name), `D` COPY text data of that table, `E` the table ends, `Z` the
 * backup ends. A missing `Z` means a cut-short stream, whatever gzip says.
 */
export type FrameType = 'M' | 'T' | 'D' | 'E' | 'Z';

export interface Frame {
  type: FrameType;
  payload: Buffer;
}

const HEADER_BYTES = 5;
const TYPES = new Set<string>(['M', 'T', 'D', 'E', 'Z']);

export function frame(type: FrameType, payload: Buffer | string = Buffer.alloc(0)): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(type, 0, 'latin1');
  header.writeUInt32BE(body.length, 1);
  return Buffer.concat([header, body]);
}

export class MalformedBackup extends Error {}

/** Frames from a byte stream, as they complete; holds at most one frame in memory. */
export async function* readFrames(source: AsyncIterable<Buffer>): AsyncGenerator<Frame> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      if (pending.length < HEADER_BYTES) break;
      const type = pending.toString('latin1', 0, 1);
      if (!TYPES.has(type)) throw new MalformedBackup(`unknown frame type ${JSON.stringify(type)}`);
      const length = pending.readUInt32BE(1);
      if (pending.length < HEADER_BYTES + length) break;
      yield { type: type as FrameType, payload: pending.subarray(HEADER_BYTES, HEADER_BYTES + length) };
      pending = pending.subarray(HEADER_BYTES + length);
    }
  }
  if (pending.length > 0) throw new MalformedBackup('the backup ends in the middle of a frame');
}
