import { signDevelopmentToken } from '#ikm/auth';
import pg from 'pg';
import { request } from 'undici';
import { runMigrations } from '../../scripts/platform.js';
import { BENCH, dbUrl } from '../config.js';
import { closedLoad } from '../load.js';
import { recreateDatabase, startService, stop, waitReady } from '../processes.js';
import type { Row } from '../report.js';

/**
 * Scenario 8, usage: what counting views costs a read. GET /knowledge-assets/assets/{id} of one
 * published asset straight at the service (no gateway, so the difference is not lost in its noise), 16
 * connections for 10 s, with USAGE_COUNTING on (every answer appends a usage action) and, as the
 * baseline, off; twice each, alternating, on the same database. Both answers carry the review block.
 */
const ROUNDS = Number(process.env.BENCH_USAGE_ROUNDS ?? 3);
const SECONDS = 10;
const UNIT = 'BENCH';

async function publishedAsset(origin: string, staff: string, officer: string): Promise<string> {
  const call = async (method: 'POST' | 'PUT', path: string, token: string, body: object) => {
    const response = await request(`${origin}/knowledge-assets/assets${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const answer = (await response.body.json()) as { id: string };
    if (response.statusCode >= 300) throw new Error(`${method} ${path} answered ${response.statusCode}: ${JSON.stringify(answer)}`);
    return answer;
  };
  const { id } = await call('POST', '', staff, {
    type: 'policy_brief',
    title: { en: 'Bench usage' },
    publishingUnit: UNIT,
    creators: [{ name: 'Bench', staffId: 'bench-staff' }],
    dateIssued: '2026-01-01',
    languages: ['en'],
    accessLevel: 'internal',
  });
  await call('POST', `/${id}/transitions`, staff, { to: 'in_review' });
  await call('POST', `/${id}/transitions`, officer, { to: 'published' });
  return id;
}

export async function usageScenario(): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  await recreateDatabase(BENCH.knowledgeAssetsDb);
  runMigrations('knowledge-assets', { DATABASE_URL: dbUrl(BENCH.knowledgeAssetsDb), LOG_LEVEL: 'warn' });
  const options = { issuer: BENCH.jwtIssuer, audience: BENCH.jwtAudience, expiresIn: '2h' };
  const staff = await signDevelopmentToken(BENCH.jwtSecret, { sub: 'bench-staff', roles: ['staff'] }, options);
  const officer = await signDevelopmentToken(BENCH.jwtSecret, { sub: 'bench-officer', roles: ['km_officer'], unit: UNIT }, options);
  const reader = await signDevelopmentToken(BENCH.jwtSecret, { sub: 'bench-reader', roles: ['staff'] }, options);
  const origin = `http://127.0.0.1:${BENCH.knowledgeAssetsPort}`;
  let assetId = '';
  const runs: Record<'on' | 'off', { requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number }[]> = { on: [], off: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const counting of ['on', 'off'] as const) {
      const service = startService('knowledge-assets', { USAGE_COUNTING: counting === 'on' ? 'true' : 'false' });
      try {
        await waitReady(service, `${origin}/health/ready`);
        assetId ||= await publishedAsset(origin, staff, officer);
        const request = { method: 'GET' as const, path: `/knowledge-assets/assets/${assetId}`, headers: { authorization: `Bearer ${reader}` } };
        await closedLoad({ origin, connections: 16, durationSeconds: 3, request }); // warm-up
        const result = await closedLoad({ origin, connections: 16, durationSeconds: SECONDS, request });
        runs[counting].push({ requestsPerSecond: result.requestsPerSecond, p50Ms: result.p50Ms, p99Ms: result.p99Ms, errors: result.errors });
      } finally {
        await stop(service);
      }
    }
  }
  const db = new pg.Client({ connectionString: dbUrl(BENCH.knowledgeAssetsDb) });
  await db.connect();
  const recordedActions = Number((await db.query('SELECT count(*) FROM asset_usage_actions')).rows[0].count);
  await db.end();
  const best = (side: 'on' | 'off', pick: (run: (typeof runs)['on'][number]) => number, max: boolean) => (max ? Math.max : Math.min)(...runs[side].map(pick));
  const note = `GET an asset by id at the service, 16 connections, ${SECONDS} s, best of ${ROUNDS} alternating runs; platform: USAGE_COUNTING on, baseline: off`;
  return {
    rows: [
      { scenario: 'usage', metric: 'read throughput, counting views', unit: 'req/s', platform: best('on', (run) => run.requestsPerSecond, true), baseline: best('off', (run) => run.requestsPerSecond, true), note },
      { scenario: 'usage', metric: 'read p50, counting views', unit: 'ms', platform: best('on', (run) => run.p50Ms, false), baseline: best('off', (run) => run.p50Ms, false) },
      { scenario: 'usage', metric: 'read p99, counting views', unit: 'ms', platform: best('on', (run) => run.p99Ms, false), baseline: best('off', (run) => run.p99Ms, false) },
    ],
    details: { runs, recordedActions },
  };
}
