import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
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

/** Where a process's log lines go: its standard output, or a stand-in for it. */
export interface LogOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Turns a JSON log line into the line a person reads. pino-pretty is a development dependency, so a
 * production image (installed without them) keeps writing JSON even when attached to a terminal.
 */
function readableLines(): ((line: string) => string) | undefined {
  try {
    const { prettyFactory } = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
    // Nest's own lines name their part in `context`: kept on the line, not as a line of its own.
    return prettyFactory({ translateTime: 'SYS:HH:MM:ss.l', messageFormat: '{service}{if context} [{context}]{end}: {msg}', ignore: 'service,context' });
  } catch (error) {
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/**
 * The logger of a process (a service, a migration, `npm start` itself): one JSON object per line for
 * whatever collects the output, or readable lines when the output is a terminal. Both are written
 * synchronously, so the last lines before an exit are never lost.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info', output: LogOutput = process.stdout): Logger {
  const readable = output.isTTY ? readableLines() : undefined;
  if (readable) return pino(baseOptions(service, level), { write: (line: string) => output.write(readable(line)) });
  // pino's default writer to standard output is asynchronous: the lines written just before a process
  // ends by a signal (Nest re-raises SIGTERM after its shutdown hooks) were still in its buffer, and
  // lost. Its synchronous writer waits for a full pipe instead.
  return pino(baseOptions(service, level), output === process.stdout ? pino.destination({ dest: 1, sync: true }) : output);
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
