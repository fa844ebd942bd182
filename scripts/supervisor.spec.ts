import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { eventually } from '../libs/testing/src/eventually.js';
import { Supervisor, type RestartPolicy } from './supervisor.js';

/** The processes a supervised name was started as, and when, in order. */
class Starts {
  readonly children: ChildProcess[] = [];
  readonly times: number[] = [];

  constructor(private readonly command: (attempt: number) => string) {}

  readonly start = (): ChildProcess => {
    this.times.push(performance.now());
    const child = spawn('sh', ['-c', this.command(this.children.length + 1)], { stdio: 'ignore' });
    this.children.push(child);
    return child;
  };

  gaps(): number[] {
    return this.times.slice(1).map((time, index) => time - this.times[index]!);
  }
}

const running = (child: ChildProcess | undefined) => child !== undefined && child.exitCode === null && child.signalCode === null;
const SLEEP = 'exec sleep 60';
const CRASH = 'exit 3';

describe('Supervisor', () => {
  let sut: Supervisor;
  let logged: Array<{ level: number; msg: string }>;
  const supervisor = (policy: Partial<RestartPolicy> = {}) => {
    logged = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) });
    return (sut = new Supervisor(logger, { firstDelayMs: 100, maxDelayMs: 5_000, stableAfterMs: 60_000, ...policy }));
  };
  const errorsLogged = () => logged.filter((line) => line.level >= 50).map((line) => line.msg);

  afterEach(() => sut.stop());

  it('restarts a process killed with SIGKILL while the others keep running', async () => {
    supervisor();
    const metrics = new Starts(() => SLEEP);
    const gateway = new Starts(() => SLEEP);
    sut.supervise('metrics', metrics.start);
    sut.supervise('gateway', gateway.start);
    await eventually(() => expect(running(metrics.children[0]) && running(gateway.children[0])).toBe(true));

    metrics.children[0]!.kill('SIGKILL');

    await eventually(() => expect(running(metrics.children[1])).toBe(true));
    expect(gateway.children).toHaveLength(1);
    expect(running(gateway.children[0])).toBe(true);
    expect(errorsLogged()).toEqual(['metrics crashed (SIGKILL); restarting in 100 ms']);
  });

  it('doubles the wait after each crash in a row, up to its maximum', async () => {
    supervisor({ firstDelayMs: 100, maxDelayMs: 200 });
    const crashing = new Starts(() => CRASH);
    sut.supervise('ideas', crashing.start);

    await eventually(() => expect(crashing.times.length).toBeGreaterThanOrEqual(5), 10_000);

    // The waits it chose (without the maximum, 400 and 800 ms), and that it did wait them: upper bounds
    // on wall-clock time would only measure how busy the machine is.
    expect(errorsLogged().slice(0, 4)).toEqual([100, 200, 200, 200].map((ms) => `ideas crashed (code 3); restarting in ${ms} ms`));
    const [first, second, third, fourth] = crashing.gaps();
    expect(first).toBeGreaterThanOrEqual(100);
    expect(second).toBeGreaterThanOrEqual(200);
    expect(third).toBeGreaterThanOrEqual(200);
    expect(fourth).toBeGreaterThanOrEqual(200);
  });

  it('restarts a process that crashed after a stable run at once, and starts its backoff over', async () => {
    supervisor({ firstDelayMs: 100, stableAfterMs: 400 });
    // Three quick crashes (waits of 100, 200, 400 ms), a crash after 600 ms up, a quick crash, then up.
    const flaky = new Starts((attempt) => (attempt <= 3 || attempt === 5 ? CRASH : attempt === 4 ? 'sleep 0.6; exit 3' : SLEEP));
    sut.supervise('ideas', flaky.start);

    await eventually(() => expect(running(flaky.children[5])).toBe(true), 10_000);

    // Without the reset the next waits would be 800 and 1,600 ms.
    expect(errorsLogged()).toEqual([
      ...[100, 200, 400].map((ms) => `ideas crashed (code 3); restarting in ${ms} ms`),
      'ideas crashed (code 3) after a stable run; restarting',
      'ideas crashed (code 3); restarting in 100 ms',
    ]);
    const [, , third, afterStableRun, afterReset] = flaky.gaps();
    expect(third).toBeGreaterThanOrEqual(400);
    expect(afterStableRun).toBeGreaterThanOrEqual(600);
    expect(afterReset).toBeGreaterThanOrEqual(100);
  });

  it('leaves a process that exited cleanly or was asked to stop stopped', async () => {
    supervisor({ firstDelayMs: 50 });
    const exitsCleanly = new Starts(() => 'exit 0');
    const terminated = new Starts(() => SLEEP);
    sut.supervise('migrate', exitsCleanly.start);
    sut.supervise('gateway', terminated.start);
    await eventually(() => expect(running(terminated.children[0])).toBe(true));

    terminated.children[0]!.kill('SIGTERM');
    await sleep(500);

    expect(exitsCleanly.children).toHaveLength(1);
    expect(terminated.children).toHaveLength(1);
  });

  it('stops every process on stop(), restarting none, even one waiting to be restarted', async () => {
    supervisor({ firstDelayMs: 60_000, maxDelayMs: 60_000 });
    const up = new Starts(() => SLEEP);
    const crashed = new Starts(() => CRASH);
    sut.supervise('ideas', up.start);
    sut.supervise('metrics', crashed.start);
    await eventually(() => expect(running(up.children[0]) && crashed.children[0]?.exitCode === 3).toBe(true));

    const startedAt = performance.now();
    await sut.stop();

    expect(performance.now() - startedAt).toBeLessThan(5_000);
    expect(up.children[0]!.signalCode).toBe('SIGTERM');
    expect(up.children).toHaveLength(1);
    expect(crashed.children).toHaveLength(1);
    expect(errorsLogged()).toEqual(['metrics crashed (code 3); restarting in 60000 ms']);
  });
});
