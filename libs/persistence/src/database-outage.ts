import { OutageLog } from '#ikm/observability';
import pg from 'pg';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from './database-unavailable.js';

export interface DatabaseOutageOptions {
  databaseUrl: string;
  logger: Logger;
  /** How often the server is tried during an episode. */
  probeIntervalMs?: number;
}

const PROBE_CONNECT_TIMEOUT_MS = 2_000;

/** What a caller refused for an unavailable database tells its client to wait before trying again. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The process's one view of whether its database can be used, shared by its HTTP requests and its
 * consumer, so that an outage is logged once however many requests and events it refuses meanwhile:
 * a warning when the first of them finds the database unavailable, an info line when it answers again.
 * During an episode it tries the server every second with a connection of its own, not one of the
 * pool's, so the end is noticed even when no request comes, and a waiting consumer resumes then.
 */
export class DatabaseOutage {
  private readonly log: OutageLog;
  /** Settles when the episode under way ends; none outside an episode. */
  private episode?: Promise<void>;
  /** Set by `stop()`: no probe is started or awaited any more. */
  private stopped = false;
  /** Ends the wait before the next probe at once (on `stop()`). */
  private wakeProbe?: () => void;

  constructor(private readonly options: DatabaseOutageOptions) {
    this.log = new OutageLog(options.logger.child({ component: 'database' }), {
      down: 'database unavailable: refusing work that needs it until it answers again',
      up: 'database available again',
    });
  }

  /** How long a caller refused during an episode is asked to wait before trying again. */
  readonly retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS;

  /**
   * Whether an error means the database cannot be used just now (and the work is refused, not failed);
   * such an error is recorded as part of the episode.
   */
  refuses(error: unknown): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    this.failed(error);
    return true;
  }

  /** Records a failure that `isDatabaseUnavailable` recognised; the first of an episode starts it. */
  failed(error: unknown): void {
    this.log.failed(error);
    this.episode ??= this.probeUntilAvailable().finally(() => (this.episode = undefined));
  }

  /**
   * Resolves true as soon as no episode is under way, or false after `maxWaitMs` of one, so that a
   * waiting caller can keep itself alive meanwhile (a Kafka consumer heartbeats).
   */
  async waitUntilAvailable(maxWaitMs: number): Promise<boolean> {
    const episode = this.episode;
    if (!episode) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), maxWaitMs)));
    try {
      return await Promise.race([episode.then(() => true), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Stops probing (the process is shutting down): an episode under way ends without a recovery line,
   * and nothing of this object runs afterwards, in a process that goes on (a test runner) too.
   */
  stop(): void {
    this.stopped = true;
    this.wakeProbe?.();
  }

  /** Nest calls this when the application closes. */
  onApplicationShutdown(): void {
    this.stop();
  }

  private async probeUntilAvailable(): Promise<void> {
    const interval = this.options.probeIntervalMs ?? 1_000;
    while (!this.stopped) {
      // A timer that does not hold the process open: a service stopping during an outage just exits.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval).unref();
        this.wakeProbe = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeProbe = undefined;
      if (this.stopped) return;
      if (await this.answers()) {
        this.log.recovered();
        return;
      }
    }
  }

  private async answers(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl, connectionTimeoutMillis: PROBE_CONNECT_TIMEOUT_MS });
    // A connection that breaks after connecting is reported here too; the next probe tries again.
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
