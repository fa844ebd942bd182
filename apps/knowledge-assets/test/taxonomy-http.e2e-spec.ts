import { Module, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadServiceConfig } from '#ikm/config';
import { CONCEPT_TOPIC } from '#ikm/contracts';
import { createHttpApp } from '#ikm/http';
import { CreateIdempotencyKeys1764250000000 } from '#ikm/idempotency';
import { CreateInbox1764190000001, CreateOutbox1764190000000, DropOutboxNotify1764240000000 } from '#ikm/messaging';
import { createLogger } from '#ikm/observability';
import { createServiceDataSource, ensureDatabaseExists } from '#ikm/persistence';
import { ServiceCoreModule } from '#ikm/service';
import { dropDatabase, TEST_JWT_SECRET, TEST_KAFKA_BROKERS, testDatabase, tokenFor } from '#ikm/testing';
import { CreateTaxonomy1764300000001 } from '../src/migrations/1764300000001-create-taxonomy.js';
import { TAXONOMY_ENTITIES } from '../src/taxonomy/concept.entity.js';
import { TaxonomyModule } from '../src/taxonomy/taxonomy.module.js';
import { SEED_CONCEPTS } from '../src/taxonomy/taxonomy.seed.js';

/**
 * The taxonomy's routes in-process, on the shared service core (auth, validation, problem details,
 * ETag/If-Match), before the knowledge-assets service wires the module: who may change what, and what
 * bad input answers.
 */
const url = testDatabase('ikm_knowledge_assets_taxonomy_http_test');
const migrations = [CreateOutbox1764190000000, CreateInbox1764190000001, DropOutboxNotify1764240000000, CreateIdempotencyKeys1764250000000, CreateTaxonomy1764300000001];
const logger = createLogger('knowledge-assets', 'silent');
const config = loadServiceConfig(
  { port: 3002, database: 'unused' },
  { NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: url, KAFKA_BROKERS: TEST_KAFKA_BROKERS },
);

@Module({})
class TaxonomyOnlyApp {
  static register(): DynamicModule {
    return {
      module: TaxonomyOnlyApp,
      imports: [
        ServiceCoreModule.forRoot({ serviceName: 'knowledge-assets', config, logger, dataSource: { url, entities: TAXONOMY_ENTITIES, migrations }, produces: [CONCEPT_TOPIC] }),
        TaxonomyModule,
      ],
    };
  }
}

const FORCED_LABOUR = SEED_CONCEPTS.find((concept) => concept.prefLabel.en === 'Forced labour')!.id;
let app: NestFastifyApplication;
let officer: string;
let staff: string;

async function call(method: 'GET' | 'POST' | 'PATCH', path: string, token: string, body?: object, headers: Record<string, string> = {}) {
  const response = await app.inject({ method, url: `/knowledge-assets/taxonomy${path}`, headers: { authorization: `Bearer ${token}`, ...headers }, ...(body ? { payload: body } : {}) });
  return { status: response.statusCode, headers: response.headers, body: response.body ? JSON.parse(response.body) : undefined };
}

describe('the taxonomy over HTTP', () => {
  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabaseExists(url);
    const migrator = createServiceDataSource({ url, entities: TAXONOMY_ENTITIES, migrations });
    await migrator.initialize();
    await migrator.runMigrations();
    await migrator.destroy();
    app = await createHttpApp(TaxonomyOnlyApp.register(), { logger, globalPrefix: 'knowledge-assets', openApi: { title: 'test', description: 'test', version: '1' } });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    officer = await tokenFor('officer-1', ['km_officer']);
    staff = await tokenFor('staff-1', ['staff']);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lets everyone signed in read, and only km_officer or ikmu_admin change', async () => {
    const list = await call('GET', '/concepts?limit=100', staff);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(9);
    expect((await call('POST', '/concepts', staff, { prefLabel: { en: 'Green jobs' } })).status).toBe(403);
    expect((await call('PATCH', `/concepts/${FORCED_LABOUR}`, staff, { definition: { en: 'x' } })).status).toBe(403);

    const created = await call('POST', '/concepts', officer, { prefLabel: { en: 'Green jobs', fr: 'Emplois verts', es: 'Empleos verdes' } });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/knowledge-assets/taxonomy/concepts/${created.body.id}`);
    expect(created.body).toMatchObject({ topConcept: true, broader: [], narrower: [], version: 1 });
  });

  it('changes a concept conditionally on If-Match, and answers a stale one with 412', async () => {
    const concept = (await call('GET', `/concepts/${FORCED_LABOUR}`, staff));
    expect(concept.headers.etag).toBe('"1"');
    const changed = await call('PATCH', `/concepts/${FORCED_LABOUR}`, officer, { definition: { en: 'Work exacted under the menace of a penalty.' } }, { 'if-match': '"1"' });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    const stale = await call('PATCH', `/concepts/${FORCED_LABOUR}`, officer, { definition: { en: 'Again' } }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(2);
  });

  it('answers bad input with a 400 problem naming the field, and a cycle with a 409', async () => {
    const duplicate = await call('POST', '/concepts', officer, { prefLabel: { en: 'Decent work', EN: 'Decent Work' } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'prefLabel' })]);
    expect((await call('POST', '/concepts', officer, { prefLabel: { en: 'Decent work' }, broader: ['x'] })).body.errors).toEqual([expect.objectContaining({ field: 'broader' })]);
    const self = await call('PATCH', `/concepts/${FORCED_LABOUR}`, officer, { broader: [FORCED_LABOUR] });
    expect(self.status).toBe(400);
    expect(self.body.errors).toEqual([expect.objectContaining({ field: 'broader' })]);

    const child = await call('POST', '/concepts', officer, { prefLabel: { en: 'Debt bondage' }, broader: [FORCED_LABOUR] });
    const cycle = await call('PATCH', `/concepts/${FORCED_LABOUR}`, officer, { broader: [child.body.id] });
    expect(cycle.status).toBe(409);
    expect(cycle.body.cycle).toEqual([FORCED_LABOUR, child.body.id, FORCED_LABOUR]);
    expect((await call('GET', '/concepts/not-a-uuid', staff)).status).toBe(400);
    expect((await call('GET', '/concepts/00000000-0000-4000-8000-000000000000', staff)).status).toBe(404);
  });

  it('exports SKOS as application/ld+json', async () => {
    const exported = await call('GET', '/scheme.jsonld', staff);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(exported.body['@graph'][0]).toMatchObject({ type: 'ConceptScheme' });
  });
});
