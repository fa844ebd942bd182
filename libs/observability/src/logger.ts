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
