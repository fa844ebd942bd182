import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { correlationIdOf, CORRELATION_HEADER } from '#ikm/observability';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { CorrelationInterceptor } from './correlation.interceptor.js';
import { ProblemDetailsFilter, sendProblem, toProblem } from './problem-details.filter.js';
import { createValidationPipe } from './validation.js';

export interface HttpAppOptions {
  logger: Logger;
  bodyLimitBytes?: number;
  openApi: { title: string; description: string; version: string };
}

/** One way to build every service's HTTP side: Fastify, validation, problem details, OpenAPI, logs. */
export async function createHttpApp(module: DynamicModule, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => correlationIdOf(req),
    // Nest's logger (pino) already logs requests.
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true });
  app.useLogger(app.get(NestPinoLogger));
  app.enableShutdownHooks();
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(options.logger));
  app.useGlobalInterceptors(new CorrelationInterceptor());

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(CORRELATION_HEADER, request.id);
    done();
  });

  const config = new DocumentBuilder()
    .setTitle(options.openApi.title)
    .setDescription(options.openApi.description)
    .setVersion(options.openApi.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
