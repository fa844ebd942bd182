import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pino, type Logger, type LoggerOptions } from 'pino';
import { currentContext } from './request-context.js';

export const CORRELATION_HEADER = 'x-request-id';

const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.secret',
  '*.token',
];

function baseOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Every line carries the correlation id of the request or event being handled.
    mixin: () => {
      const context = currentContext();
      return context ? { correlationId: context.correlationId } : {};
    },
  };
}

/** A plain pino logger for code that runs outside Nest's DI (scripts, the consumer loop). */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(baseOptions(service, level));
}

const correlationIds = new WeakMap<IncomingMessage, string>();

/**
 * The request's correlation id: the caller's `x-request-id` when it is sane (so logs cannot be forged
 * or flooded through it), otherwise a new one; the same value however often it is asked for.
 */
export function correlationIdOf(req: IncomingMessage): string {
  let id = correlationIds.get(req);
  if (!id) {
    const given = req.headers[CORRELATION_HEADER];
    const value = Array.isArray(given) ? given[0] : given;
    id = value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
    correlationIds.set(req, id);
  }
  return id;
}

/** nestjs-pino options: request logs with the correlation id as the request id. */
export function httpLoggerParams(service: string, level: string): Params {
  return {
    pinoHttp: {
      ...baseOptions(service, level),
      genReqId: (req) => correlationIdOf(req),
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        // pino-http's default writes every response header (~600 bytes of helmet headers per line), which
        // tripled the log volume and cost the gateway, which logs every proxied request, throughput.
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
