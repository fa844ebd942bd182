import type { ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { spawnService } from '../../../scripts/platform.js';
import { eventually } from './eventually.js';
import { serviceEnv, TEST_LOG_DIR, type TestService } from './test-environment.js';

/** A service running as its own process, exactly as in production, with its logs kept in a file. */
export class ServiceProcess {
  private child?: ChildProcess;
  private log?: WriteStream;
  readonly logFile: string;

  constructor(
    readonly service: TestService,
    private readonly extraEnv: NodeJS.ProcessEnv = {},
  ) {
    this.logFile = path.join(TEST_LOG_DIR, `${service.name}.log`);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.service.port}`;
  }

  async start(): Promise<void> {
    this.log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawnService(this.service.name, { ...serviceEnv(this.service), ...this.extraEnv }, 'pipe');
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.child = child;
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`${this.service.name} exited with ${child.exitCode}; see ${this.logFile}`);
      const response = await fetch(`${this.baseUrl}/health/live`);
      if (!response.ok) throw new Error(`live answered ${response.status}`);
    }, 30_000);
  }

  /** Stops the process; resolves with how it ended (Nest re-raises SIGTERM after its shutdown hooks). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null };
    }
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal })),
    );
    child.kill(signal);
    return exited;
  }

  logs(): string {
    return readFileSync(this.logFile, 'utf8');
  }
}
