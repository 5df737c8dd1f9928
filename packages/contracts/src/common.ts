import { AREA_CODE_MAX, AREA_CODE_PATTERN, freeTextProblem, lineTextProblem } from '@waymark/core';
import { z } from 'zod';

export const IdSchema = z.uuid();

/** A real calendar date, `YYYY-MM-DD` (z.iso.date also rejects 2023-02-30). */
export const IsoDateSchema = z.iso.date();

const TEXT_PROBLEM_MESSAGES = {
  control_character: 'control characters are not allowed',
  bidi_control: 'bidirectional formatting characters are not allowed',
} as const;

/**
 * A name, a title, a topic, a filter: one line, trimmed, in Unicode NFC (so "é" typed on two
 * keyboards is one name and finds itself), without control characters (PostgreSQL cannot
 * hold NUL; a tab or carriage return opens a spreadsheet formula) and without bidirectional
 * formatting characters (an override makes "evil" show as "live"). Every short text field
 * of every contract is one of these; a refusal is a 400 at the field's path.
 */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .max(max)
    .check((ctx) => {
      const problem = lineTextProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: TEXT_PROBLEM_MESSAGES[problem], params: { code: problem } });
    });

/**
 * A note, a reason, a description, a child's views: several lines allowed (tab, line feed,
 * carriage return), NFC, no other control characters and no reordering bidirectional
 * controls. The marks LRM and RLM stay, as Arabic text may need them.
 */
export const freeText = (max: number) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .max(max)
    .check((ctx) => {
      const problem = freeTextProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: TEXT_PROBLEM_MESSAGES[problem], params: { code: problem } });
    });

/**
 * An admin area code, anywhere one comes in (a person, a workplace, a programme, a filter):
 * the strict pattern of core/text, so no code can hold a control character, a bidirectional
 * trick or a leading `=`, `+`, `-` or `@`.
 */
export const areaCode = (max: number = AREA_CODE_MAX) =>
  z
    .string()
    .trim()
    .max(Math.min(max, AREA_CODE_MAX))
    .check((ctx) => {
      if (ctx.value !== '' && !AREA_CODE_PATTERN.test(ctx.value)) {
        ctx.issues.push({ code: 'custom', input: ctx.value, message: 'letters and digits, then letters, digits, ".", "_" or "-"', params: { code: 'invalid_area_code' } });
      }
    });

/**
 * How a printed document is asked for: the reader's language (the web app's) and time zone
 * (the browser's, an IANA name), so it prints in their words and on their clock. An unknown
 * zone is refused at `/tz` with `unknown_time_zone` rather than printed in another.
 */
export const PrintQuerySchema = {
  lang: z.enum(['en', 'ar']).default('en'),
  tz: z
    .string()
    .max(64)
    .check((ctx) => {
      let known = /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(ctx.value);
      try {
        if (known) new Intl.DateTimeFormat('en', { timeZone: ctx.value });
      } catch {
        known = false;
      }
      if (!known) ctx.issues.push({ code: 'custom', input: ctx.value, message: 'a time zone name such as Asia/Beirut', params: { code: 'unknown_time_zone' } });
    })
    .default('UTC'),
};

export const PageQuerySchema = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
