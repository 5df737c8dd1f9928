import { IdSchema, ProtectionNoteCreateSchema, ProtectionNoteUpdateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { addProtectionNote } from '../../use-cases/protection-notes/add-protection-note';
import { listProtectionNotes } from '../../use-cases/protection-notes/list-protection-notes';
import { updateProtectionNote } from '../../use-cases/protection-notes/update-protection-note';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

export function protectionNoteRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get<{ Params: { id: string } }>('/api/v1/persons/:id/protection-notes', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await listProtectionNotes(contextFor(deps, auth), deps.keyRing, request.params.id));
  });

  app.post<{ Params: { id: string } }>('/api/v1/persons/:id/protection-notes', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(ProtectionNoteCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await addProtectionNote(contextFor(deps, auth), deps.keyRing, request.params.id, input.value), 201);
  });

  app.patch<{ Params: { id: string } }>('/api/v1/protection-notes/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(ProtectionNoteUpdateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await updateProtectionNote(contextFor(deps, auth), deps.keyRing, request.params.id, input.value));
  });
}
