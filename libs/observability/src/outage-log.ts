import type { Logger } from 'pino';

export interface OutageMessages {
  /** Logged at warn, with the first error, when an episode starts. */
  down: string;
  /** Logged at info, with how long it lasted and how many failures it covered, when it ends. */
  up: string;
}

/**
 * Reports an unavailable dependency once per episode instead of once per failure: while a database or
 * a broker is down, every request or retry fails the same way, and a line (or a stack) for each would
 * bury the one fact an operator needs, when it started and when it ended.
 */
export class OutageLog {
  private startedAt?: number;
  private failures = 0;

  constructor(
    private readonly logger: Logger,
    private readonly messages: OutageMessages,
  ) {}

  get ongoing(): boolean {
    return this.startedAt !== undefined;
  }

  /** A failure; the first of an episode is logged, the others only counted. */
  failed(error: unknown, fields: Record<string, unknown> = {}): void {
    this.failures += 1;
    if (this.startedAt !== undefined) return;
    this.startedAt = Date.now();
    this.logger.warn({ err: error, ...fields }, this.messages.down);
  }

  /** Success: ends the episode, if there was one. */
  recovered(fields: Record<string, unknown> = {}): void {
    if (this.startedAt === undefined) return;
    this.logger.info({ ...fields, outageMs: Date.now() - this.startedAt, failures: this.failures }, this.messages.up);
    this.startedAt = undefined;
    this.failures = 0;
  }
}
