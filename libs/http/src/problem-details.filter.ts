import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DomainError } from '#ikm/domain';
// Type only: the HTTP library (and the gateway, which has no database) never loads persistence itself.
import type { DatabaseOutage } from '#ikm/persistence';
import { databaseUnavailableProblem } from './database-unavailable.problem.js';
import { PROBLEM_CONTENT_TYPE, problemDetails, statusProblem, type ProblemDetails } from './problem-details.js';
import { markRefusedWhileUnavailable } from './refused-requests.js';
import { discardRestOfBody } from './request-body.js';
import { InvalidRequestException } from './validation.js';

/** Turns any error into problem details: typed domain errors, HTTP exceptions, and the unexpected. */
export function toProblem(error: unknown, instance: string, logger: Logger): ProblemDetails {
  if (error instanceof DomainError) return error.toProblem(instance);
  if (error instanceof InvalidRequestException) {
    return problemDetails('validation', {
      title: 'invalid request',
      status: 400,
      detail: 'One or more fields are invalid.',
      instance,
      extensions: { errors: error.fieldErrors },
    });
  }
  const status = statusOf(error);
  if (status !== undefined && status < 500) {
    const response = error instanceof HttpException ? error.getResponse() : undefined;
    const message = typeof response === 'object' && response && 'message' in response ? response.message : (error as Error).message;
    return statusProblem(status, Array.isArray(message) ? message.join('; ') : String(message), instance);
  }
  // Unexpected: the client gets an id to quote, the log gets the whole error under that id.
  const errorId = randomUUID();
  logger.error({ err: error, errorId }, 'unhandled error');
  return statusProblem(status ?? HttpStatus.INTERNAL_SERVER_ERROR, `An unexpected error occurred; quote error id ${errorId}.`, instance, { errorId });
}

/** Status of Nest's HttpException or of Fastify's own errors (body too large, bad JSON, ...). */
function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const statusCode = (error as { statusCode?: unknown })?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600 ? statusCode : undefined;
}

/** Answers with the problem; a body still arriving is read to its end, within a time limit, not cut off. */
export function sendProblem(reply: FastifyReply, problem: ProblemDetails, headers: Record<string, string> = {}): void {
  discardRestOfBody(reply.request.raw);
  void reply.status(problem.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(problem);
}

export interface ProblemDetailsFilterOptions {
  /** The path the caller used (behind the gateway, with its prefix); the request's own by default. */
  instanceOf?: (request: FastifyRequest) => string;
  /** Where a service reports its database unavailable (logged once per episode, not per request). */
  databaseOutage?: DatabaseOutage;
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly options: ProblemDetailsFilterOptions = {},
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    // Database unavailable (unreachable, starting, stopping, full): not a bug, so no stack per request,
    // but a 503 the client can retry after Retry-After.
    const instance = this.options.instanceOf?.(request) ?? request.url;
    const outage = this.options.databaseOutage;
    if (outage?.refuses(error)) {
      markRefusedWhileUnavailable(request);
      sendProblem(reply, databaseUnavailableProblem(instance), { 'retry-after': String(outage.retryAfterSeconds) });
      return;
    }
    const headers: Record<string, string> = {};
    if (error instanceof HttpException && error.getStatus() === 401) headers['www-authenticate'] = 'Bearer';
    sendProblem(reply, toProblem(error, instance, this.logger), headers);
  }
}
