/**
 * A problem with input to the children module: a stable code, the path of the field
 * (turned into a JSON Pointer at the HTTP edge) and an English message for developers.
 * People see text from the web catalogues, keyed by `code`.
 */
export interface ChildProblem {
  path: (string | number)[];
  code: string;
  message: string;
}

export type LocalizedReason = { en: string; ar: string };
