/**
 * Record scope: which records an actor's verbs reach, narrowest first.
 * own: assigned to me; team: assigned to one of my teams (or to me); agency: held by my
 * agency; operation: every record of my operations.
 */
export const SCOPES = ['own', 'team', 'agency', 'operation'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function scopeRank(scope: Scope): number {
  return SCOPES.indexOf(scope);
}
