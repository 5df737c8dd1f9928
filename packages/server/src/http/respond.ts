import type { Result } from '@waymark/core';
import type { FastifyReply } from 'fastify';
import type { Failure } from '../failure';
import { sendProblem } from './problem';

export function respond<T>(reply: FastifyReply, result: Result<T, Failure>, status = 200): FastifyReply {
  if (!result.ok) return sendProblem(reply, result.error);
  return reply.code(status).send(result.value);
}
