import helmet from '@fastify/helmet';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { correlationIdOf, CORRELATION_HEADER } from '#ikm/observability';
import type { FastifyRequest } from 'fastify';
import type { DatabaseOutage } from '#ikm/persistence';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { registerAccessLog } from './access-log.js';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './idempotency-headers.js';
import { documentIdempotencyKey } from './idempotency-key.openapi.js';
import { documentEtags } from './versioned-resource.js';
import { useBoundedJsonParser } from './json-body-parser.js';
import { CorrelationInterceptor } from './correlation.interceptor.js';
import { answerClientError, frameworkErrorHandler, MAX_PATH_SEGMENT_LENGTH, refuseRequestsWhileClosing } from './edge-problems.js';
import { PinoNestLogger } from './nest-logger.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { ProxyTrust } from './proxy-trust.js';
import { SERVICE_PROBLEMS, withProblemResponses } from './problem-responses.js';
import { createValidationPipe } from './validation.js';
import { documentValidatedTypes } from './validated-types.js';

export interface OpenApiInfo {
  title: string;
  description: string;
  version: string;
}

export interface HttpAppOptions {
  logger: Logger;
  /**
   * Every route of a service lives under its name (`/ideas/...`, `/metrics/...`), so the gateway's
   * `/api/v1/<service>/...` maps onto it by dropping `/api/v1`. Health probes stay at `/health/*`.
   */
  globalPrefix?: string;
  bodyLimitBytes?: number;
  openApi: OpenApiInfo & {
    /**
     * What Swagger UI at `/docs` shows, when not the app's own routes (the gateway's merge of every
     * service's document); `/docs-json` is then the app's to serve.
     */
    uiDocument?: (app: NestFastifyApplication) => Promise<OpenAPIObject>;
  };
  /** Origins a browser may call from; none means no CORS headers at all. */
  corsOrigins?: string[];
  /**
   * The proxies whose X-Forwarded-* headers are believed (TRUSTED_PROXIES); none by default. The
   * process's one: the gateway's proxy routes use the same.
   */
  proxyTrust?: ProxyTrust;
  /** A service's view of its database, told of the requests refused because it is unavailable. */
  databaseOutage?: DatabaseOutage;
}

export function openApiBase(info: OpenApiInfo): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version)
    // Relative: the operations are on the origin that serves the document (the gateway, for the merge).
    .addServer('/')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
}

/** One way to build every HTTP process: Fastify, validation, problem details, OpenAPI, logs, headers. */
export async function createHttpApp(module: DynamicModule, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const proxyTrust = options.proxyTrust ?? new ProxyTrust([]);
  const instanceOf = (request: FastifyRequest) => proxyTrust.callerPath(request);
  const bodyLimit = options.bodyLimitBytes ?? 1_048_576;
  const adapter = new FastifyAdapter({
    bodyLimit,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => correlationIdOf(req),
    // Requests are logged by the access-log hook below, through the service's logger.
    logger: false,
    trustProxy: proxyTrust.fastifyOption,
    routerOptions: { maxParamLength: MAX_PATH_SEGMENT_LENGTH },
    // What Node's parser and Fastify's router refuse, and requests during shutdown, as problem details.
    clientErrorHandler: answerClientError,
    frameworkErrors: frameworkErrorHandler(options.logger, instanceOf),
    return503OnClosing: false,
    // No Nest middleware anywhere (the access log is a Fastify hook), so the Express-compatibility
    // layer that would run on every request is not registered. A module adding middleware would fail.
    skipMiddie: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true });
  app.useLogger(new PinoNestLogger(options.logger));
  app.enableShutdownHooks();
  if (options.globalPrefix) app.setGlobalPrefix(options.globalPrefix, { exclude: ['health/live', 'health/ready'] });
  useBoundedJsonParser(app, bodyLimit);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(options.logger, { instanceOf, databaseOutage: options.databaseOutage }));
  app.useGlobalInterceptors(new CorrelationInterceptor());
  // The only HTML served is Swagger UI, whose inline scripts a strict CSP would block; the other
  // security headers (nosniff, frame denial, HSTS, referrer policy, ...) apply everywhere.
  await app.register(helmet, { contentSecurityPolicy: false });
  if (options.corsOrigins?.length) {
    app.enableCors({
      origin: options.corsOrigins,
      allowedHeaders: ['authorization', 'content-type', 'if-match', 'if-none-match', IDEMPOTENCY_KEY_HEADER, CORRELATION_HEADER, 'traceparent'],
      exposedHeaders: ['etag', 'location', CORRELATION_HEADER, 'retry-after', IDEMPOTENT_REPLAYED_HEADER],
      maxAge: 600,
    });
  }

  const fastify = app.getHttpAdapter().getInstance();
  refuseRequestsWhileClosing(fastify, instanceOf);
  registerAccessLog(fastify, options.logger);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(CORRELATION_HEADER, request.id);
    done();
  });

  const { uiDocument, ...info } = options.openApi;
  documentValidatedTypes(app);
  const document = withProblemResponses(documentEtags(documentIdempotencyKey(SwaggerModule.createDocument(app, openApiBase(info)))), SERVICE_PROBLEMS);
  if (uiDocument) {
    // Swagger UI shows the document embedded in its page (it ignores a `url` when given one), so the
    // page embeds the right one, fetched on each load.
    SwaggerModule.setup('docs', app, document, { raw: false, patchDocumentOnRequest: () => uiDocument(app) });
  } else {
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  }
  return app;
}
