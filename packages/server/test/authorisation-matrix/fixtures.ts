import type { World } from './world';

export const SGBV_CANARY = 'CANARY-SGBV-NARRATIVE';
export const SGBV_ANSWERS = { sg_sexual_violence: 'yes_earlier' };
/** Written in each matrix child's BIA as its protection concerns: child-protection clearance only. */
export const CHILD_CANARY = 'CANARY-CHILD-CONCERNS';

/** Creates something as the administrator and answers its id, for entries that need it to exist first. */
export async function created(w: World, path: string, body: unknown): Promise<string> {
  const answer = await w.writeAsAdmin('POST', path, body);
  if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return (answer.body as { id: string }).id;
}

/** The informant's name on each held workplace's report: shown only on need to know. */
export const INFORMANT_CANARY = 'CANARY-INFORMANT-NAME';
