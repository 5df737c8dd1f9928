import { z } from 'zod';

export const IdSchema = z.uuid();

/** A real calendar date, `YYYY-MM-DD` (z.iso.date also rejects 2023-02-30). */
export const IsoDateSchema = z.iso.date();

export const text = (max: number) => z.string().trim().max(max);

export const PageQuerySchema = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
