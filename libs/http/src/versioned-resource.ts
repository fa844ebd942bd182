import {
  applyDecorators,
  createParamDecorator,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiExtension, ApiHeader, ApiPreconditionFailedResponse, type OpenAPIObject, type ParameterObject } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { etagOf, ifNoneMatchHolds, versionFromIfMatch } from './etag.js';

/**
 * Optimistic concurrency for a resource with a `version` (incremented by every change): its answers
 * carry the version as an `ETag`, a change may be made conditional on it with `If-Match` (a stale one
 * is the module's 412, see `assertExpectedVersion` in libs/domain), and, where the version alone
 * determines the answer, a GET with `If-None-Match` naming the current version is a 304 without a body.
 *
 *     @Get(':id') @RespondsWithEtag({ notModified: true })
 *     get(...): Promise<ThingResponse>                       // ETag: "3"; 304 for If-None-Match: "3"
 *
 *     @Patch(':id') @RespondsWithEtag()
 *     update(..., @IfMatchVersion() expectedVersion: number | undefined): Promise<ThingResponse>
 */

/** Marks an operation answering with a versioned resource, until `documentEtags` documents it. */
const ETAG_EXTENSION = 'x-etag';

interface EtagMark {
  notModified: boolean;
}

const ETAG_RESPONSE_HEADER = {
  ETag: { description: 'The resource’s version, to send back in If-Match.', schema: { type: 'string', example: '"3"' } },
};

const IF_NONE_MATCH_PARAMETER: ParameterObject = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'The ETag you hold: if it is still the current version, the answer is a 304 without a body.',
  schema: { type: 'string', example: '"3"' },
};

/** Where the returned body keeps its version, when not in `version`. */
export type VersionOf<Body> = (body: Body) => number;

export interface RespondsWithEtagOptions<Body> {
  /** Where the returned body keeps its version; `body.version` by default. */
  versionOf?: VersionOf<Body>;
  /**
   * Whether a GET answers a matching `If-None-Match` with a 304 (default false). Only for a resource
   * whose answer the version alone determines: not one with counts kept outside its version (an
   * idea's endorsements), fields for the caller (its allowed transitions) or fields following the
   * clock (a challenge's phase), since a client would keep an answer the version no longer describes.
   */
  notModified?: boolean;
}

/**
 * Sets `ETag` from the version of the body the handler returns, and answers a GET whose `If-None-Match`
 * names it with a 304. The body is the response as it goes out, so the ETag always describes it.
 */
class EtagInterceptor implements NestInterceptor {
  constructor(
    private readonly versionOf: VersionOf<unknown>,
    private readonly notModified: boolean,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body) => {
        const version = this.versionOf(body);
        if (!Number.isInteger(version)) throw new Error(`@RespondsWithEtag(): the response of ${request.method} ${request.url} has no integer version`);
        const etag = etagOf(version);
        void reply.header('etag', etag);
        const ifNoneMatch = request.headers['if-none-match'];
        if (this.notModified && (request.method === 'GET' || request.method === 'HEAD') && ifNoneMatchHolds(ifNoneMatch, etag)) {
          void reply.status(304);
          return undefined;
        }
        return body;
      }),
    );
  }
}

const versionField: VersionOf<unknown> = (body) => (body as { version?: number } | null)?.version as number;

/**
 * The operation answers with one versioned resource: its `ETag` is set from the returned body's
 * `version` (or what `versionOf` reads), a GET answers `If-None-Match` with a 304 when
 * `notModified` says the version determines the answer, and both are documented. Method interceptors run inside the global ones, so
 * the Idempotency-Key record has the ETag.
 */
export function RespondsWithEtag<Body>({ versionOf, notModified = false }: RespondsWithEtagOptions<Body> = {}): MethodDecorator {
  const mark: EtagMark = { notModified };
  return applyDecorators(UseInterceptors(new EtagInterceptor((versionOf ?? versionField) as VersionOf<unknown>, notModified)), ApiExtension(ETAG_EXTENSION, mark));
}

/** Documents `If-Match` and the 412 on the method whose parameter reads it. */
function documentIfMatch(target: object, key: string | symbol | undefined): void {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
  ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the version you changed; without it, the change is unconditional.', example: '"3"' })(target, key, descriptor);
  ApiPreconditionFailedResponse({ description: 'If-Match does not match the current version.' })(target, key, descriptor);
}

/**
 * The version the client's `If-Match` expects, or undefined when it sent none (the change is then
 * unconditional); a malformed one is a 400 naming `If-Match`. Documents the header and the 412 that
 * the use case answers when the version is stale (`assertExpectedVersion`, libs/domain).
 */
export const IfMatchVersion = createParamDecorator(
  (_: unknown, context: ExecutionContext): number | undefined => {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    return versionFromIfMatch(Array.isArray(header) ? header.join(',') : header);
  },
  [(target, key) => documentIfMatch(target, key)],
);

/**
 * Documents what `@RespondsWithEtag()` does on each operation it marks: the `ETag` header of its
 * success responses, and on a GET the `If-None-Match` header and the 304.
 */
export function documentEtags(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem) as Array<[string, Record<string, unknown> | undefined]>) {
      const mark = operation?.[ETAG_EXTENSION] as EtagMark | undefined;
      if (!operation || !mark) continue;
      delete operation[ETAG_EXTENSION];
      const responses = operation.responses as Record<string, { headers?: Record<string, unknown> }>;
      for (const [status, response] of Object.entries(responses)) {
        if (status.startsWith('2')) responses[status] = { ...response, headers: { ...response.headers, ...ETAG_RESPONSE_HEADER } };
      }
      if (method === 'get' && mark.notModified) {
        operation.parameters = [...((operation.parameters as ParameterObject[] | undefined) ?? []), IF_NONE_MATCH_PARAMETER];
        responses['304'] = { description: 'Not modified: If-None-Match names the current version.', headers: ETAG_RESPONSE_HEADER } as never;
      }
    }
  }
  return document;
}
