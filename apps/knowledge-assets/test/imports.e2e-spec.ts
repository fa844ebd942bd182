import type { Role } from '#ikm/auth';
import { findContract } from '#ikm/contracts';
import { decodeCloudEvent } from '#ikm/messaging';
import { apiClient, eventually, headerText, outboxEvents, ServiceProcess, TEST_SERVICES, TestKafka, unpublishedOutboxCount } from '#ikm/testing';
import { parse } from 'csv-parse/sync';
import type { KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { assetDraft } from './factories.js';

/**
 * Bulk import through the service's HTTP API, against real PostgreSQL and Kafka: the file stored, then
 * ingested in the background by the pipeline (IngestRecordsUseCase) as a job; its report per row; the
 * same file again changes nothing; changed rows make new versions, deleted rows retire; two imports of
 * the same records at once make one asset each; a crash mid-import resumes with every row once.
 */
// Short leases and small batches, so a crashed job is taken up again within seconds, after several batches.
const ENV = { INGESTION_LEASE_SECONDS: '2', IMPORT_BATCH_SIZE: '250' };
const service = new ServiceProcess(TEST_SERVICES['knowledge-assets'], ENV);
const kafka = new TestKafka();
const db = new pg.Pool({ connectionString: TEST_SERVICES['knowledge-assets'].databaseUrl, max: 2 });
const api = apiClient(service, { prefix: '/knowledge-assets' });

const UNIT = `IMPORTS-${randomUUID().slice(0, 8)}`;
const OFFICER: Role[] = ['km_officer'];
const officer = () => api.as('olga', OFFICER, { unit: UNIT });
const ORCID = '0000-0002-1825-0097';

beforeAll(() => service.start(), 60_000);
afterAll(async () => {
  await service.stop();
  await db.end();
});

const HEADER = 'identifier,url,deleted,type,title@en,title@fr,abstract@en,keywords@en,creators,dateIssued,languages,countries,licence';
/** A complete CSV row of record `id` (override cells by column). */
function row(id: string, cells: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    identifier: id,
    url: `https://labordoc.ilo.org/permalink/${id}`,
    deleted: '',
    type: 'publication',
    'title@en': `Report ${id}`,
    'title@fr': `Rapport ${id}`,
    'abstract@en': 'What the study found, with a comma, and "quotes".',
    'keywords@en': 'social dialogue; platform work',
    creators: `Ana García <${ORCID}>; Li Wei`,
    dateIssued: '2025-06-01',
    languages: 'en;fr',
    countries: 'KE;PH',
    licence: 'CC-BY-4.0',
    ...cells,
  };
  return HEADER.split(',')
    .map((column) => `"${values[column].replaceAll('"', '""')}"`)
    .join(',');
}
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

async function importFile(body: string, type = 'text/csv', query = 'sourcePlatform=labordoc&accessLevel=public') {
  return officer().post(`/imports?${query}`).set('content-type', type).send(body);
}

/** Imports and waits for the job to end; resolves with the job. */
async function imported(body: string, type = 'text/csv', query?: string) {
  const response = await importFile(body, type, query);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 202 });
  expect(response.headers.location).toBe(`/knowledge-assets/ingestion-jobs/${response.body.id}`);
  return finished(response.body.id);
}

async function finished(id: string, timeout = 60_000) {
  let job: Record<string, any> = {};
  await eventually(async () => {
    job = (await officer().get(`/ingestion-jobs/${id}`)).body;
    expect(job.status).toMatch(/completed|failed/);
  }, timeout);
  return job;
}

async function reportOf(jobId: string, outcome?: string) {
  const items: Array<Record<string, any>> = [];
  let cursor: string | undefined;
  do {
    const response = await officer()
      .get(`/ingestion-jobs/${jobId}/records`)
      .query({ limit: 100, ...(outcome ? { outcome } : {}), ...(cursor ? { cursor } : {}) });
    expect(response.status).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function versionsOf(identifier: string) {
  const { rows } = await db.query(
    `SELECT v.number, v.status, v.title FROM assets a JOIN asset_versions v ON v.asset_id = a.id WHERE a.source_platform = 'labordoc' AND a.source_identifier = $1 ORDER BY v.number`,
    [identifier],
  );
  return rows as Array<{ number: number; status: string; title: Record<string, string> }>;
}

describe('a CSV import', () => {
  const id = () => `csv-${randomUUID().slice(0, 8)}`;
  const [a, b, c, bad] = [id(), id(), id(), id()];

  it('creates published assets, rejects bad rows with every field and reason, and reports each row', async () => {
    const job = await imported(csv(row(a), row(b), row(bad, { dateIssued: '2025-13-45', creators: 'Ana <0000-0000-0000-0000>' }), row(c, { 'title@en': '', 'title@fr': '' })));
    expect(job).toMatchObject({ status: 'completed', total: 4, processed: 4, progress: 1, counts: { created: 2, rejected: 2, updated: 0, unchanged: 0, deleted: 0 } });
    const report = await reportOf(job.id);
    expect(report.map((record) => [record.position, record.sourceIdentifier, record.outcome])).toEqual([
      [1, a, 'created'],
      [2, b, 'created'],
      [3, bad, 'rejected'],
      [4, c, 'rejected'],
    ]);
    expect(report[2].errors.map((error: { field: string }) => error.field).sort()).toEqual(['creators.0.orcid', 'dateIssued']);
    expect(report[3].errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'title' })]));
    expect(await reportOf(job.id, 'rejected')).toHaveLength(2);
    // A rejected row wrote nothing.
    expect(await versionsOf(bad)).toEqual([]);
    expect(await versionsOf(c)).toEqual([]);
    const asset = (await officer().get(`/assets/${report[0].assetId}`)).body;
    expect(asset).toMatchObject({
      status: 'published',
      versionNumber: 1,
      title: { en: `Report ${a}`, fr: `Rapport ${a}` },
      keywords: { en: ['social dialogue', 'platform work'] },
      creators: [{ name: 'Ana García', orcid: ORCID }, { name: 'Li Wei', orcid: null }],
      languages: ['en', 'fr'],
      publishingUnit: UNIT,
      accessLevel: 'public',
      source: { platform: 'labordoc', identifier: a, url: `https://labordoc.ilo.org/permalink/${a}` },
    });
    // The report as CSV, read back by csv-parse.
    const download = await officer().get(`/ingestion-jobs/${job.id}/report.csv`).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text));
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(download.body as string, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.position, r.sourceIdentifier, r.outcome])).toEqual([
      ['1', a, 'created'],
      ['2', b, 'created'],
      ['3', bad, 'rejected'],
      ['4', c, 'rejected'],
    ]);
    expect(rows[2].errors).toContain('dateIssued:');
  });

  it('imported again: everything unchanged, nothing written', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM outbox`)).rows[0].n;
    const job = await imported(csv(row(a), row(b)));
    expect(job.counts).toEqual({ created: 0, updated: 0, unchanged: 2, deleted: 0, rejected: 0 });
    expect((await db.query(`SELECT count(*)::int AS n FROM outbox`)).rows[0].n).toBe(before);
    expect(await versionsOf(a)).toHaveLength(1);
  });

  it('a changed row is a new published version superseding the last; a deleted row retires its asset', async () => {
    const job = await imported(csv(row(a, { 'title@en': `Report ${a}, revised` }), row(b, { deleted: 'true' }), row(`never-${randomUUID()}`, { deleted: 'true' })));
    expect(job.counts).toEqual({ created: 0, updated: 1, unchanged: 1, deleted: 1, rejected: 0 });
    expect((await versionsOf(a)).map((version) => [version.number, version.status, version.title.en])).toEqual([
      [1, 'superseded', `Report ${a}`],
      [2, 'published', `Report ${a}, revised`],
    ]);
    expect((await versionsOf(b)).map((version) => version.status)).toEqual(['retired']);
    const [{ reason }] = (await db.query(`SELECT t.reason FROM asset_version_transitions t JOIN asset_versions v ON v.id = t.version_id JOIN assets s ON s.id = v.asset_id WHERE s.source_identifier = $1 AND t.to_status = 'retired'`, [b])).rows;
    expect(reason).toBe('deleted at source');
  });
});

describe('a JSON import', () => {
  it('takes records shaped as the REST create body, as an array and as NDJSON', async () => {
    const [x, y] = [`json-${randomUUID()}`, `json-${randomUUID()}`];
    const record = (identifier: string, overrides: object = {}) => ({ ...assetDraft(UNIT, { creators: [{ name: 'Ana García', orcid: ORCID }] }), source: { identifier }, ...overrides });
    const [first, second] = [record(x), record(y)];
    const array = await imported(JSON.stringify([first, { ...second, type: 'not-a-type', colour: 'blue' }]), 'application/json');
    expect(array.counts).toMatchObject({ created: 1, rejected: 1 });
    const [, rejected] = await reportOf(array.id);
    expect(rejected.errors.map((error: { field: string }) => error.field).sort()).toEqual(['colour', 'type']);
    const ndjson = await imported([first, second].map((r) => JSON.stringify(r)).join('\n'), 'application/x-ndjson');
    expect(ndjson.counts).toMatchObject({ unchanged: 1, created: 1 });
  });
});

describe('bad input', () => {
  it('is a problem naming what is wrong, and starts no job', async () => {
    const jobs = async () => (await db.query(`SELECT count(*)::int AS n FROM ingestion_jobs`)).rows[0].n as number;
    const before = await jobs();
    const wrongType = await importFile('a,b', 'application/xml');
    expect(wrongType.status).toBe(415);
    const badParameter = await importFile(csv(row('p')), 'text/csv', 'sourcePlatform=myspace');
    expect(badParameter.status).toBe(400);
    expect(badParameter.body.errors).toEqual([expect.objectContaining({ field: 'sourcePlatform' })]);
    const unknownColumn = await importFile('identifier,colour\n1,blue\n');
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.body.detail).toContain('colour');
    const unbalanced = await importFile(`${HEADER}\n"a,b\n`);
    expect(unbalanced.status).toBe(400);
    const notJson = await importFile('{"source": {"identifier": "1"}}\n{oops\n', 'application/x-ndjson');
    expect(notJson.status).toBe(400);
    expect(notJson.body.detail).toContain('line 2');
    const notAnArray = await importFile('{"a": 1}', 'application/json');
    expect(notAnArray.status).toBe(400);
    const staff = await api.as('sam', ['staff'], { unit: UNIT }).post('/imports?sourcePlatform=labordoc').set('content-type', 'text/csv').send(csv(row('s')));
    expect(staff.status).toBe(403);
    expect(await jobs()).toBe(before);
  });
});

describe('concurrent imports', () => {
  it('of the same records make one asset each', async () => {
    const ids = Array.from({ length: 300 }, () => `same-${randomUUID()}`);
    const file = csv(...ids.map((identifier) => row(identifier)));
    const [first, second] = await Promise.all([importFile(file), importFile(file)]);
    const jobs = await Promise.all([finished(first.body.id), finished(second.body.id)]);
    expect(jobs.map((job) => job.status)).toEqual(['completed', 'completed']);
    expect(jobs[0].counts.created + jobs[1].counts.created).toBe(300);
    expect(jobs[0].counts.unchanged + jobs[1].counts.unchanged).toBe(300);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM assets WHERE source_identifier = ANY($1)`, [ids]);
    expect(rows[0].n).toBe(300);
  }, 120_000);
});

describe('a crash mid-import', () => {
  it('resumes from the last completed batch and ends with every row exactly once (20,000 rows)', async () => {
    const prefix = `big-${randomUUID().slice(0, 8)}`;
    const file = csv(...Array.from({ length: 20_000 }, (_, index) => row(`${prefix}-${index}`)));
    const response = await importFile(file);
    expect(response.status).toBe(202);
    const jobId = response.body.id as string;
    await eventually(async () => expect((await db.query(`SELECT batches FROM ingestion_jobs WHERE id = $1`, [jobId])).rows[0].batches).toBeGreaterThanOrEqual(3), 60_000);
    await service.stop('SIGKILL');
    const atCrash = (await db.query(`SELECT processed FROM ingestion_jobs WHERE id = $1`, [jobId])).rows[0].processed as number;
    expect(atCrash).toBeLessThan(20_000);
    await service.start();
    const job = await finished(jobId, 180_000);
    expect(job).toMatchObject({ status: 'completed', processed: 20_000, counts: { created: 20_000, rejected: 0 } });
    const { rows } = await db.query(
      `SELECT count(*)::int AS records, count(DISTINCT position)::int AS positions, min(position) AS first, max(position) AS last FROM ingestion_job_records WHERE job_id = $1`,
      [jobId],
    );
    expect(rows[0]).toEqual({ records: 20_000, positions: 20_000, first: 1, last: 20_000 });
    const assets = await db.query(`SELECT count(*)::int AS n FROM assets WHERE source_identifier LIKE $1`, [`${prefix}-%`]);
    expect(assets.rows[0].n).toBe(20_000);
  }, 300_000);
});

describe('events', () => {
  it('every event of the imports is on Kafka and decodes against its contract', async () => {
    await eventually(async () => expect(await unpublishedOutboxCount(db)).toBe(0), 60_000);
    // This file's assets only: the other suites of the run write to the same database.
    const ours = new Set((await db.query(`SELECT DISTINCT asset_id FROM asset_versions WHERE publishing_unit = $1`, [UNIT])).rows.map((row) => row.asset_id as string));
    const rows = (await outboxEvents(db)).filter((event) => event.topic === 'ikm.knowledge-assets.asset' && ours.has(event.aggregateId));
    expect(new Set(rows.map((event) => event.type))).toEqual(new Set(['published', 'superseded', 'retired'].map((event) => `ikm.knowledge-assets.asset.${event}.v1`)));
    for (const event of rows) expect(() => findContract(event.type)!.schema.parse(event.payload)).not.toThrow();
    // A new asset's published event carries its full state, as a publication's does.
    expect(rows.find((event) => event.type.endsWith('published.v1'))!.payload).toMatchObject({ status: 'published', versionNumber: 1, version: 1, publishingUnit: UNIT, creators: expect.any(Array) });
    const sample = new Set(rows.slice(0, 200).map((event) => event.id));
    const isOurs = (record: KafkaMessage) => sample.has(headerText(record.headers, 'ce_id') ?? '');
    const records = await kafka.readUntil('ikm.knowledge-assets.asset', (received) => received.filter(isOurs).length >= sample.size, 120_000);
    expect(new Set(records.filter(isOurs).map((record) => headerText(record.headers, 'ce_id'))).size).toBe(sample.size);
    for (const record of records.filter(isOurs)) expect(() => decodeCloudEvent('ikm.knowledge-assets.asset', 0, record)).not.toThrow();
  }, 180_000);
});
