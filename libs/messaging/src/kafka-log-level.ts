import kafkajs from 'kafkajs';
import { createRequire } from 'node:module';

const { logLevel } = kafkajs;

export type PinoLevel = 'error' | 'warn' | 'info' | 'debug';

const PINO_LEVEL_OF: Record<number, PinoLevel> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * Broker answers that mean "not yet": a broker that has just started is still loading its group
 * coordinator and electing partition leaders, and a topic just created is not yet known to every
 * broker. Every client retries them by itself; kafkajs logs each one as an error all the same, so a
 * normal start showed errors. They are warnings: still shown, and still there if they never stop.
 */
const NOT_YET_READY = new Set([
  'GROUP_LOAD_IN_PROGRESS',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR_FOR_GROUP',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
  'UNKNOWN_TOPIC_OR_PARTITION',
]);

// kafkajs logs an error's message, not its code: the messages come from its own table of codes.
const { errorCodes } = createRequire(import.meta.url)('kafkajs/src/protocol/error.js') as {
  errorCodes: Array<{ type: string; message: string }>;
};
const NOT_YET_READY_MESSAGES = [
  ...errorCodes.filter(({ type }) => NOT_YET_READY.has(type)).map(({ message }) => message),
  // What kafkajs throws once its own retries of "coordinator not available" run out: on a slow
  // machine a starting broker takes longer than that, and the consumer crashes and is started again.
  'KafkaJSGroupCoordinatorNotFound',
];

/** Whether an error (or a log line's text) is a starting broker's "not yet", which a retry outgrows. */
export function isNotYetReady(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return NOT_YET_READY_MESSAGES.some((notReady) => text.includes(notReady));
}

/** The pino level for one kafkajs log entry. */
export function kafkaLogLevel(level: number, message: string, error?: unknown): PinoLevel {
  // Producers retry a bounded number of times so the relay can back off and report; kafkajs warns
  // that this weakens its idempotence. Duplicates that could follow are removed by consumer inboxes.
  if (message.startsWith('Limiting retries for the idempotent producer')) return 'debug';
  const pinoLevel = PINO_LEVEL_OF[level] ?? 'info';
  if (pinoLevel !== 'error') return pinoLevel;
  // ensureTopics judges the broker's answer itself: a topic another service created a moment earlier
  // is expected (services starting together race), any other failure is thrown to its caller.
  if (message.startsWith('Response CreateTopics')) return 'warn';
  // kafkajs restarts a consumer only after a retriable crash, which it has just logged as the error.
  if (message.startsWith('Restarting the consumer in ')) return 'warn';
  return isNotYetReady(typeof error === 'string' ? `${message} ${error}` : message) ? 'warn' : 'error';
}
