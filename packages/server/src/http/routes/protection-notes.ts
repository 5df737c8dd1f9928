import { ProtectionNoteCreateSchema, ProtectionNoteUpdateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { addProtectionNote } from '../../use-cases/protection-notes/add-protection-note';
import { listProtectionNotes } from '../../use-cases/protection-notes/list-protection-notes';
import { updateProtectionNote } from '../../use-cases/protection-notes/update-protection-note';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function protectionNoteRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withId, withIdAndBody } = useCaseHandlers(deps);

  app.get<WithId>('/api/v1/persons/:id/protection-notes', withId((ctx, id) => listProtectionNotes(ctx, deps.keyRing, id)));
  app.post<WithId>(
    '/api/v1/persons/:id/protection-notes',
    withIdAndBody(ProtectionNoteCreateSchema, (ctx, id, input) => addProtectionNote(ctx, deps.keyRing, id, input), 201),
  );
  app.patch<WithId>(
    '/api/v1/protection-notes/:id',
    withIdAndBody(ProtectionNoteUpdateSchema, (ctx, id, input) => updateProtectionNote(ctx, deps.keyRing, id, input)),
  );
}
