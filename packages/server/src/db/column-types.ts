import type { ColumnType } from 'kysely';

// Column types the table files share, as pg hands them back.

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns come back as 'YYYY-MM-DD' strings (see the pg type parser in connect.ts). */
export type DateColumn = ColumnType<string, string, string>;
export type Json<T> = ColumnType<T, string, string>;
export type GeneratedAlways<T> = ColumnType<T, never, never>;
