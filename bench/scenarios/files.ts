import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { runMigrations } from '../../scripts/platform.js';
import { BENCH, dbUrl } from '../config.js';
import { recreateDatabase, startService, stop, waitReady, type Running } from '../processes.js';
import type { Row } from '../report.js';
import type { BenchContext } from './context.js';

/**
 * Scenario 7, files: one 64 MiB file uploaded through the gateway into knowledge-assets (PostgreSQL
 * storage) and downloaded back, each timed, while the resident memory of the service and the gateway is
 * sampled every 20 ms; beside it the baseline: a bare Node http server piping the same bytes to
 * /dev/null. What it shows is whether a file is ever held whole: RSS growth well below 64 MiB.
 */
const FILE_BYTES = Number(process.env.BENCH_FILE_MIB ?? 64) * 1024 * 1024;
const MB = 1_000_000;
const SINK_PORT = 23101;
const SINK = `require('node:http').createServer((q, s) => { const o = require('node:fs').createWriteStream('/dev/null'); q.pipe(o); o.on('finish', () => s.end('ok')); }).listen(${SINK_PORT}, () => console.log('sink ready'));`;

const rssOf = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/** Runs `work` while sampling each process's RSS; gives the time taken and each one's growth over its RSS before. */
async function measured(pids: number[], work: () => Promise<void>): Promise<{ ms: number; growth: number[] }> {
  const before = pids.map(rssOf);
  const peak = [...before];
  const timer = setInterval(() => pids.forEach((pid, index) => (peak[index] = Math.max(peak[index]!, rssOf(pid)))), 20);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  clearInterval(timer);
  pids.forEach((pid, index) => (peak[index] = Math.max(peak[index]!, rssOf(pid))));
  return { ms, growth: peak.map((value, index) => value - before[index]!) };
}

async function upload(url: string, token: string | undefined, bytes: Buffer): Promise<void> {
  const response = await request(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: bytes,
  });
  const text = await response.body.text();
  if (response.statusCode >= 300) throw new Error(`upload answered ${response.statusCode}: ${text}`);
}

export async function filesScenario(context: BenchContext, gateway: Running): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  await recreateDatabase(BENCH.knowledgeAssetsDb);
  runMigrations('knowledge-assets', { DATABASE_URL: dbUrl(BENCH.knowledgeAssetsDb), LOG_LEVEL: 'warn' });
  const service = startService('knowledge-assets');
  const sink: Running = { name: 'files-sink', child: spawn(process.execPath, ['-e', SINK], { stdio: ['ignore', 'pipe', 'inherit'] }) };
  try {
    await waitReady(service, `http://127.0.0.1:${BENCH.knowledgeAssetsPort}/health/ready`);
    await new Promise<void>((resolve) => sink.child.stdout!.once('data', () => resolve()));
    const api = `http://127.0.0.1:${BENCH.gatewayPort}/api/v1/knowledge-assets/assets`;
    const created = await request(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${context.staffToken}` },
      body: JSON.stringify({ type: 'dataset', title: { en: 'Bench file' }, publishingUnit: 'BENCH', creators: [{ name: 'Bench', staffId: 'bench-staff' }], dateIssued: '2026-01-01', languages: ['en'] }),
    });
    const { id } = (await created.body.json()) as { id: string };
    const bytes = randomBytes(FILE_BYTES);
    const fileUrl = `${api}/${id}/versions/1/files/bench.bin`;
    const pids = [service.child.pid!, gateway.child.pid!];

    const up = await measured(pids, () => upload(fileUrl, context.staffToken, bytes));
    let downloadedHash = '';
    const down = await measured(pids, async () => {
      const response = await request(fileUrl, { headers: { authorization: `Bearer ${context.staffToken}` } });
      const hash = createHash('sha256');
      for await (const chunk of response.body) hash.update(chunk as Buffer);
      downloadedHash = hash.digest('hex');
    });
    if (downloadedHash !== createHash('sha256').update(bytes).digest('hex')) throw new Error('the downloaded file differs from the uploaded one');
    const plain = await measured([sink.child.pid!], () => upload(`http://127.0.0.1:${SINK_PORT}/`, undefined, bytes));

    const rate = (ms: number) => Math.round((FILE_BYTES / MB / (ms / 1000)) * 10) / 10;
    const mb = (value: number) => Math.round((value / MB) * 10) / 10;
    const note = `one ${FILE_BYTES / 1024 / 1024} MiB file through the gateway; baseline: bare Node http piping to /dev/null`;
    return {
      rows: [
        { scenario: 'files', metric: 'upload throughput', unit: 'MB/s', platform: rate(up.ms), baseline: rate(plain.ms), note },
        { scenario: 'files', metric: 'download throughput', unit: 'MB/s', platform: rate(down.ms), baseline: rate(plain.ms) },
        { scenario: 'files', metric: 'service RSS growth, upload', unit: 'MB', platform: mb(up.growth[0]!), baseline: mb(plain.growth[0]!) },
        { scenario: 'files', metric: 'service RSS growth, download', unit: 'MB', platform: mb(down.growth[0]!), baseline: mb(plain.growth[0]!) },
        { scenario: 'files', metric: 'gateway RSS growth, upload / download', unit: 'MB', platform: mb(Math.max(up.growth[1]!, down.growth[1]!)), baseline: mb(plain.growth[0]!) },
      ],
      details: { fileBytes: FILE_BYTES, upload: up, download: down, baseline: plain },
    };
  } finally {
    await stop(sink);
    await stop(service);
  }
}
