import { applyDecorators, Injectable, SetMetadata, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedUser } from '#ikm/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tap, type Observable } from 'rxjs';
import { UsageRecorder, type UsageKind } from './usage-recorder.js';

const USAGE_KIND = 'ikm:usageKind';

/**
 * What COUNTER counts as a successful request: the answer was delivered whole with 200 (a view, a
 * download) or 206 (a range of a file; the ranges a reader fetches of one file within 30 s are one
 * request by the double-click filter, as each is "the same action on the same item"). A 304 delivered
 * nothing, a 4xx or 5xx nothing the user asked for.
 */
const COUNTED_STATUSES = new Set([200, 206]);

/**
 * Counts the route's successful answers as usage of the asset in its `:id` path parameter: recorded
 * only once the response has finished (every byte handed to the connection; a client gone mid-download
 * closes without finishing and is not counted), never before the answer, never failing it.
 */
export function CountsUsage(kind: UsageKind): MethodDecorator {
  return applyDecorators(SetMetadata(USAGE_KIND, kind), UseInterceptors(CountsUsageInterceptor));
}

@Injectable()
export class CountsUsageInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly recorder: UsageRecorder,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const kind = this.reflector.get<UsageKind>(USAGE_KIND, context.getHandler());
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      tap(() => {
        const params = request.params as Record<string, string>;
        const user = request.user;
        if (!user || !params.id) return;
        const at = new Date();
        const item = kind === 'download' ? `${params.number}/${params.name}` : 'record';
        reply.raw.once('finish', () => {
          if (COUNTED_STATUSES.has(reply.raw.statusCode)) this.recorder.record({ assetId: params.id!, kind, item, userId: user.sub, at });
        });
      }),
    );
  }
}
