import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { correlationIdOf, runWithContext } from '#ikm/observability';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import type { RequestWithUser } from '#ikm/auth';

/**
 * Runs the route handler inside the request's context (correlation id, traceparent, actor), so that
 * logs and the events the handler writes to the outbox carry them. Done here rather than in a Fastify
 * hook because body parsing can resume in another async context.
 */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithUser>();
    const traceparent = request.headers.traceparent;
    const requestContext = {
      correlationId: correlationIdOf(request.raw),
      traceparent: typeof traceparent === 'string' ? traceparent : undefined,
      actor: request.user?.sub,
    };
    return new Observable((subscriber) => runWithContext(requestContext, () => next.handle().subscribe(subscriber)));
  }
}
