import { ApiProblem, problemFromBody } from './problem';

/** Anything with zod's `safeParse`: the contracts' schemas, without importing zod here. */
export interface ResponseSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions<T> {
  body?: unknown;
  /** Omitted for responses without a body (204). */
  schema?: ResponseSchema<T>;
  signal?: AbortSignal;
}

const BASE = '/api/v1';

/**
 * The session's CSRF token, from the readable `waymark_csrf` cookie the server set at
 * sign-in (double submit: another site can make the browser send cookies, but cannot
 * read this one to copy it into a header).
 */
export function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'waymark_csrf') return decodeURIComponent(value.join('='));
  }
  return undefined;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * One request to the Waymark API. Responses are checked against the contract, so a
 * drifting server fails loudly here instead of rendering half a record.
 */
export async function request<T>(method: Method, path: string, options: RequestOptions<T> = {}): Promise<T> {
  let response: Response;
  const token = method === 'GET' ? undefined : csrfToken();
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    // Every change sends it back; the server refuses one without it (403 csrf_failed).
    ...(token === undefined ? {} : { 'x-csrf-token': token }),
  };
  try {
    response = await fetch(BASE + path, {
      method,
      credentials: 'same-origin',
      // Personal data must not be kept by the browser's HTTP cache.
      cache: 'no-store',
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem(0, 'network_error');
  }
  const body = await readJson(response);
  if (!response.ok) throw problemFromBody(response.status, body);
  if (!options.schema) return undefined as T;
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) throw new ApiProblem(response.status, 'unexpected_response');
  return parsed.data;
}

/** Query string from defined, non-empty values; arrays become comma lists. */
export function queryString(params: Record<string, string | number | boolean | readonly string[] | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
