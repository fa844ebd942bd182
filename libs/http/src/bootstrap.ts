import helmet from '@fastify/helmet';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { correlationIdOf, CORRELATION_HEADER } from '#ikm/observability';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { registerAccessLog } from './access-log.js';
import { useBoundedJsonParser } from './json-body-parser.js';
import { CorrelationInterceptor } from './correlation.interceptor.js';
import { PinoNestLogger } from './nest-logger.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
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
    /** Where Swagger UI loads its document from, when the app serves it itself (the gateway's merge). */
    externalDocumentUrl?: string;
  };
  /** Origins a browser may call from; none means no CORS headers at all. */
  corsOrigins?: string[];
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
  const bodyLimit = options.bodyLimitBytes ?? 1_048_576;
  const adapter = new FastifyAdapter({
    bodyLimit,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => correlationIdOf(req),
    // Requests are logged by the access-log hook below, through the service's logger.
    logger: false,
    trustProxy: true,
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
  app.useGlobalFilters(new ProblemDetailsFilter(options.logger));
  app.useGlobalInterceptors(new CorrelationInterceptor());
  // The only HTML served is Swagger UI, whose inline scripts a strict CSP would block; the other
  // security headers (nosniff, frame denial, HSTS, referrer policy, ...) apply everywhere.
  await app.register(helmet, { contentSecurityPolicy: false });
  if (options.corsOrigins?.length) {
    app.enableCors({
      origin: options.corsOrigins,
      allowedHeaders: ['authorization', 'content-type', 'if-match', CORRELATION_HEADER, 'traceparent'],
      exposedHeaders: ['etag', 'location', CORRELATION_HEADER, 'retry-after'],
      maxAge: 600,
    });
  }

  const fastify = app.getHttpAdapter().getInstance();
  registerAccessLog(fastify, options.logger);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(CORRELATION_HEADER, request.id);
    done();
  });

  const { externalDocumentUrl, ...info } = options.openApi;
  documentValidatedTypes(app);
  const document = withProblemResponses(SwaggerModule.createDocument(app, openApiBase(info)), SERVICE_PROBLEMS);
  if (externalDocumentUrl) {
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/own-json', swaggerOptions: { url: externalDocumentUrl } });
  } else {
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  }
  return app;
}
