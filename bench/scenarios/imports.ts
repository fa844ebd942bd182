import { signDevelopmentToken } from '#ikm/auth';
import { request } from 'undici';
import { runMigrations } from '../../scripts/platform.js';
import { BENCH, dbUrl } from '../config.js';
import { withClient } from '../db.js';
import { recreateDatabase, startService, stop, waitReady } from '../processes.js';
import type { Row } from '../report.js';

/**
 * Scenario 8, bulk import: one CSV file of BENCH_IMPORT_ROWS (default 50,000) complete records posted
 * through the gateway to knowledge-assets, timed from the request to the job's end (every row a new
 * published asset: version, history row, search row by trigger, published event in the outbox, the
 * job's record), then the same file again (every row unchanged). The baseline, in the same run and
 * database: the same rows inserted by a bare client into a scratch table, 500 rows per multi-row
 * INSERT (unnest) in one transaction per batch, the floor of writing those rows in batches at all.
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const BATCH = 500;
const HEADER = 'identifier,url,type,title@en,title@fr,abstract@en,keywords@en,creators,dateIssued,languages,countries,licence';

function rowOf(index: number): string[] {
  const id = `bench-${index}`;
  return [
    id,
    `https://labordoc.ilo.org/permalink/${id}`,
    'publication',
    `Working conditions in sector ${index}`,
    `Conditions de travail dans le secteur ${index}`,
    'What the study found about wages, hours and social protection.',
    'working conditions; wages',
    'Ana García <0000-0002-1825-0097>; Li Wei',
    '2025-06-01',
    'en;fr',
    'KE;PH',
    'CC-BY-4.0',
  ];
}

const csvLine = (cells: string[]) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',');

async function waitForJob(url: string, token: string): Promise<Record<string, any>> {
  for (;;) {
    const response = await request(url, { headers: { authorization: `Bearer ${token}` } });
    const job = (await response.body.json()) as Record<string, any>;
    if (job.status === 'completed' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function timedImport(file: string, token: string): Promise<{ seconds: number; job: Record<string, any> }> {
  const started = performance.now();
  const response = await request(`http://127.0.0.1:${BENCH.gatewayPort}/api/v1/knowledge-assets/imports?sourcePlatform=labordoc&accessLevel=public`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: file,
  });
  const accepted = (await response.body.json()) as { id: string };
  if (response.statusCode !== 202) throw new Error(`import answered ${response.statusCode}: ${JSON.stringify(accepted)}`);
  const job = await waitForJob(`http://127.0.0.1:${BENCH.gatewayPort}/api/v1/knowledge-assets/ingestion-jobs/${accepted.id}`, token);
  if (job.status !== 'completed') throw new Error(`import job ended ${job.status}: ${job.error}`);
  return { seconds: (performance.now() - started) / 1000, job };
}

/** The baseline: the same rows, 500 per multi-row INSERT, one transaction each. */
async function plainInsert(rows: string[][]): Promise<number> {
  return withClient(dbUrl(BENCH.knowledgeAssetsDb), async (client) => {
    await client.query(`DROP TABLE IF EXISTS bench_import_scratch`);
    await client.query(`CREATE TABLE bench_import_scratch (identifier text PRIMARY KEY, url text, type text, title jsonb, abstract jsonb, keywords jsonb, creators jsonb, date_issued date, languages text[], countries text[], licence text)`);
    const started = performance.now();
    for (let offset = 0; offset < rows.length; offset += BATCH) {
      const batch = rows.slice(offset, offset + BATCH);
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO bench_import_scratch SELECT i, u, t, jsonb_build_object('en', te, 'fr', tf), jsonb_build_object('en', ab), jsonb_build_object('en', string_to_array(k, '; ')), to_jsonb(string_to_array(c, '; ')), d::date, string_to_array(l, ';'), string_to_array(co, ';'), li
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[]) AS r (i, u, t, te, tf, ab, k, c, d, l, co, li)`,
        Array.from({ length: 12 }, (_, column) => batch.map((row) => row[column])),
      );
      await client.query('COMMIT');
    }
    const seconds = (performance.now() - started) / 1000;
    await client.query(`DROP TABLE bench_import_scratch`);
    return seconds;
  });
}

export async function importsScenario(): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  await recreateDatabase(BENCH.knowledgeAssetsDb);
  runMigrations('knowledge-assets', { DATABASE_URL: dbUrl(BENCH.knowledgeAssetsDb), LOG_LEVEL: 'warn' });
  const service = startService('knowledge-assets');
  try {
    await waitReady(service, `http://127.0.0.1:${BENCH.knowledgeAssetsPort}/health/ready`);
    const token = await signDevelopmentToken(BENCH.jwtSecret, { sub: 'bench-officer', roles: ['km_officer'], unit: 'BENCH' }, { issuer: BENCH.jwtIssuer, audience: BENCH.jwtAudience, expiresIn: '2h' });
    const rows = Array.from({ length: ROWS }, (_, index) => rowOf(index));
    const file = [HEADER, ...rows.map(csvLine)].join('\n') + '\n';
    const first = await timedImport(file, token);
    const again = await timedImport(file, token);
    const baseline = await plainInsert(rows);
    const rate = (seconds: number) => Math.round(ROWS / seconds);
    const note = `${ROWS} CSV rows (${(file.length / 1e6).toFixed(1)} MB) through the gateway, timed to the job's end; baseline: the same rows by multi-row INSERT, ${BATCH} a transaction, into a scratch table`;
    return {
      rows: [
        { scenario: 'imports', metric: 'new rows (created, published)', unit: 'rows/s', platform: rate(first.seconds), baseline: rate(baseline), note },
        { scenario: 'imports', metric: 'same file again (unchanged)', unit: 'rows/s', platform: rate(again.seconds), baseline: rate(baseline) },
      ],
      details: { rows: ROWS, bytes: file.length, firstSeconds: first.seconds, againSeconds: again.seconds, baselineSeconds: baseline, firstCounts: first.job.counts, againCounts: again.job.counts },
    };
  } finally {
    await stop(service);
  }
}
