import type { ChildProcess } from 'node:child_process';
import pRetry from 'p-retry';
import type { Logger } from 'pino';

export interface RestartPolicy {
  /** The wait before restarting a process that crashed; doubled after each crash in a row. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A process that ran this long before it crashed is restarted at once, its backoff reset. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { firstDelayMs: 500, maxDelayMs: 30_000, stableAfterMs: 60_000 };

/** Exit signals of a process asked to stop (Nest re-raises the signal after its shutdown hooks). */
const STOP_SIGNALS: ReadonlySet<NodeJS.Signals> = new Set(['SIGINT', 'SIGTERM']);

class Crash extends Error {}

type RunOutcome = 'stopped' | 'crashed after a stable run';

/**
 * Keeps the processes of `npm start` running, each on its own: one that crashes (a non-zero exit, or
 * killed by any other signal than a request to stop) is restarted with exponential backoff while the
 * others keep running. One that exits cleanly stays stopped, as a service asked to stop should.
 */
export class Supervisor {
  private readonly children = new Set<ChildProcess>();
  private readonly supervised: Array<Promise<void>> = [];
  private readonly stopping = new AbortController();

  constructor(
    private readonly logger: Logger,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {}

  /** Starts a process with `start` and starts it again each time it crashes. */
  supervise(name: string, start: () => ChildProcess): void {
    this.supervised.push(this.keepRunning(name, start));
  }

  /** Asks every process to stop (SIGTERM), restarts none, and resolves once all have exited. */
  async stop(): Promise<void> {
    this.stopping.abort();
    for (const child of this.children) child.kill('SIGTERM');
    await Promise.all(this.supervised);
  }

  private async keepRunning(name: string, start: () => ChildProcess): Promise<void> {
    const { firstDelayMs, maxDelayMs } = this.policy;
    for (;;) {
      const outcome = await pRetry(() => this.runOnce(name, start), {
        retries: Number.POSITIVE_INFINITY,
        factor: 2,
        minTimeout: firstDelayMs,
        maxTimeout: maxDelayMs,
        signal: this.stopping.signal,
        onFailedAttempt: ({ error, retriesConsumed }) => {
          // p-retry also reports the abort of stop() here, after a process stopped as asked.
          if (!(error instanceof Crash)) return;
          const delayMs = Math.min(firstDelayMs * 2 ** retriesConsumed, maxDelayMs);
          this.logger.error({ process: name, exit: error.message }, `${name} crashed (${error.message}); restarting in ${delayMs} ms`);
        },
      }).catch((error: unknown) => {
        if (this.stopping.signal.aborted) return 'stopped' as const;
        throw error;
      });
      if (outcome === 'stopped') return;
      // A crash after a stable run starts a new series: at once, and with the backoff from the start.
    }
  }

  /** Runs the process once: resolves when it stopped or crashed after a stable run, throws on a crash. */
  private runOnce(name: string, start: () => ChildProcess): Promise<RunOutcome> {
    if (this.stopping.signal.aborted) return Promise.resolve('stopped');
    const child = start();
    const startedAt = performance.now();
    this.children.add(child);
    this.logger.info({ process: name, pid: child.pid }, `${name} started (pid ${child.pid})`);
    return new Promise<RunOutcome>((resolve, reject) => {
      let ended = false;
      // A process that could not be spawned reports an error and may never exit; one that ran, an exit.
      const exited = (exit: string, clean: boolean) => {
        if (ended) return;
        ended = true;
        this.children.delete(child);
        if (clean || this.stopping.signal.aborted) {
          this.logger.info({ process: name, exit }, `${name} exited (${exit})`);
          resolve('stopped');
        } else if (performance.now() - startedAt >= this.policy.stableAfterMs) {
          this.logger.error({ process: name, exit }, `${name} crashed (${exit}) after a stable run; restarting`);
          resolve('crashed after a stable run');
        } else {
          reject(new Crash(exit));
        }
      };
      child.once('error', (error) => exited(error.message, false));
      child.once('exit', (code, signal) => exited(signal ?? `code ${code}`, code === 0 || (signal !== null && STOP_SIGNALS.has(signal))));
    });
  }
}
