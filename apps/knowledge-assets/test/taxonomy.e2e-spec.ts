import { ConceptChangedV1, findContract } from '#ikm/contracts';
import { CreateIdempotencyKeys1764250000000 } from '#ikm/idempotency';
import { CreateInbox1764190000001, CreateOutbox1764190000000, DropOutboxNotify1764240000000, OutboxSignal, OutboxWriter } from '#ikm/messaging';
import { createServiceDataSource, ensureDatabaseExists } from '#ikm/persistence';
import { defineReplica, upsertOn } from '#ikm/replica';
import { dropDatabase, testDatabase } from '#ikm/testing';
import jsonld from 'jsonld';
import { Parser, Store, DataFactory, type Quad } from 'n3';
import type { DataSource } from 'typeorm';
import { CreateTaxonomy1764300000001 } from '../src/migrations/1764300000001-create-taxonomy.js';
import { TAXONOMY_ENTITIES } from '../src/taxonomy/concept.entity.js';
import { TAXONOMY_SCHEME_ID } from '../src/taxonomy/taxonomy.seed.js';
import type { ConceptContent } from '../src/taxonomy/concept.entity.js';
import { conceptIri } from '../src/taxonomy/skos-jsonld.js';
import { TaxonomyErrorCode } from '../src/taxonomy/taxonomy.errors.js';
import { TaxonomyRepository } from '../src/taxonomy/taxonomy.repository.js';
import { SEED_CONCEPTS } from '../src/taxonomy/taxonomy.seed.js';
import { CreateConceptUseCase } from '../src/taxonomy/use-cases/create-concept.use-case.js';
import { ExportSchemeUseCase } from '../src/taxonomy/use-cases/export-scheme.use-case.js';
import { GetConceptUseCase } from '../src/taxonomy/use-cases/get-concept.use-case.js';
import { ListConceptsUseCase } from '../src/taxonomy/use-cases/list-concepts.use-case.js';
import { UpdateConceptUseCase } from '../src/taxonomy/use-cases/update-concept.use-case.js';

/**
 * The taxonomy's use cases on the real schema (the shared messaging and idempotency migrations, then
 * the taxonomy's): the seed, changes and their events, cycles refused under concurrency, and the SKOS
 * export read back by an independent JSON-LD processor (jsonld) into RDF (parsed by n3).
 */
const url = testDatabase('ikm_knowledge_assets_taxonomy_test');
let dataSource: DataSource;
let create: CreateConceptUseCase;
let update: UpdateConceptUseCase;
let get: GetConceptUseCase;
let list: ListConceptsUseCase;
let exportScheme: ExportSchemeUseCase;

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const { namedNode, literal } = DataFactory;

const FORCED_LABOUR = SEED_CONCEPTS.find((concept) => concept.prefLabel.en === 'Forced labour')!.id;
const LABOUR_LAW = SEED_CONCEPTS.find((concept) => concept.prefLabel.en === 'Labour law')!.id;

function content(prefLabel: Record<string, string>, extra: Partial<ConceptContent> = {}): ConceptContent {
  return { prefLabel, altLabel: {}, definition: {}, broader: [], ...extra };
}

async function eventsOf(conceptId: string): Promise<Array<{ type: string; payload: Record<string, unknown> }>> {
  return dataSource.query(`SELECT type, payload FROM outbox WHERE aggregate_id = $1 ORDER BY position`, [conceptId]);
}

async function refusalOf(work: Promise<unknown>): Promise<string | undefined> {
  return work.then(
    () => undefined,
    (error: { code?: string }) => error.code ?? String(error),
  );
}

describe('the taxonomy', () => {
  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabaseExists(url);
    dataSource = createServiceDataSource({
      url,
      entities: TAXONOMY_ENTITIES,
      migrations: [CreateOutbox1764190000000, CreateInbox1764190000001, DropOutboxNotify1764240000000, CreateIdempotencyKeys1764250000000, CreateTaxonomy1764300000001],
      poolSize: 20,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    const repository = new TaxonomyRepository();
    const outbox = new OutboxWriter(new OutboxSignal(dataSource));
    create = new CreateConceptUseCase(dataSource, repository, outbox);
    update = new UpdateConceptUseCase(dataSource, repository, outbox);
    get = new GetConceptUseCase(dataSource, repository);
    list = new ListConceptsUseCase(dataSource, repository);
    exportScheme = new ExportSchemeUseCase(dataSource, repository);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('is seeded with the themes of paragraph 14 as top concepts, labelled in English, French and Spanish, each announced by an event', async () => {
    const page = await list.execute({ limit: 100 });
    const seeded = page.items.filter(({ concept }) => SEED_CONCEPTS.some((seed) => seed.id === concept.id));
    expect(seeded).toHaveLength(9);
    for (const { concept } of seeded) {
      expect(Object.keys(concept.prefLabel)).toEqual(expect.arrayContaining(['en', 'fr', 'es']));
      expect(concept.broader).toEqual([]);
      expect(concept.schemeId).toBe(TAXONOMY_SCHEME_ID);
      const events = await eventsOf(concept.id);
      expect(events).toHaveLength(1);
      expect(ConceptChangedV1.schema.parse(events[0].payload)).toMatchObject({ conceptId: concept.id, version: 1, prefLabel: concept.prefLabel });
    }
    expect((await get.execute({ conceptId: FORCED_LABOUR })).concept.prefLabel).toMatchObject({ en: 'Forced labour', fr: 'Travail forcé', es: 'Trabajo forzoso' });
  });

  it('creates and changes concepts, keeps narrower as the inverse of broader, and emits the full state with each version', async () => {
    const trafficking = await create.execute({
      content: content({ en: 'Human trafficking', fr: 'Traite des êtres humains', es: 'Trata de personas' }, { broader: [FORCED_LABOUR], altLabel: { en: ['Trafficking in persons'] } }),
    });
    expect(trafficking.concept.version).toBe(1);
    expect((await get.execute({ conceptId: FORCED_LABOUR })).narrower).toContain(trafficking.concept.id);

    const moved = await update.execute({ conceptId: trafficking.concept.id, changes: { broader: [FORCED_LABOUR, LABOUR_LAW], definition: { en: 'Recruiting people by force or deception to exploit them.' } }, expectedVersion: 1 });
    expect(moved.concept.version).toBe(2);
    expect(moved.concept.broader.sort()).toEqual([FORCED_LABOUR, LABOUR_LAW].sort());
    expect((await get.execute({ conceptId: LABOUR_LAW })).narrower).toContain(trafficking.concept.id);

    // The same change again is no change: no version, no event.
    await update.execute({ conceptId: trafficking.concept.id, changes: { broader: [LABOUR_LAW, FORCED_LABOUR] } });
    expect(await refusalOf(update.execute({ conceptId: trafficking.concept.id, changes: { prefLabel: { en: 'Trafficking' } }, expectedVersion: 1 }))).toBe(
      TaxonomyErrorCode.VersionMismatch,
    );

    const events = await eventsOf(trafficking.concept.id);
    expect(events.map((event) => event.payload.version)).toEqual([1, 2]);
    for (const event of events) expect(findContract(event.type)?.schema.safeParse(event.payload).success).toBe(true);
    expect(events[1].payload).toMatchObject({ broader: expect.arrayContaining([FORCED_LABOUR, LABOUR_LAW]), definition: { en: expect.any(String) } });

    // A replica other services keep from these events alone (libs/replica), whatever order they come in.
    await dataSource.query(`CREATE TABLE IF NOT EXISTS concept_replica (concept_id uuid PRIMARY KEY, version integer NOT NULL, pref_label jsonb, broader uuid[])`);
    const replica = defineReplica({
      table: 'concept_replica',
      key: 'concept_id',
      version: 'version',
      on: [upsertOn(ConceptChangedV1, (concept) => ({ concept_id: concept.conceptId, version: concept.version, pref_label: concept.prefLabel, broader: concept.broader }))],
    });
    for (const event of [...events].reverse()) await dataSource.transaction((manager) => replica.apply(manager, { type: event.type, data: event.payload }));
    const [row] = await dataSource.query(`SELECT version, broader FROM concept_replica WHERE concept_id = $1`, [trafficking.concept.id]);
    expect(row.version).toBe(2);
  });

  it('refuses a concept broader than itself, an unknown broader concept, and a preferred label another concept has', async () => {
    expect(await refusalOf(update.execute({ conceptId: LABOUR_LAW, changes: { broader: [LABOUR_LAW] } }))).toBe(TaxonomyErrorCode.SelfBroader);
    expect(await refusalOf(create.execute({ content: content({ en: 'Orphan' }, { broader: ['00000000-0000-4000-8000-000000000000'] }) }))).toBe(TaxonomyErrorCode.UnknownBroader);
    expect(await refusalOf(create.execute({ content: content({ es: 'trabajo FORZOSO' }) }))).toBe(TaxonomyErrorCode.PrefLabelTaken);
    // The database refuses the simplest cycle itself, whatever the code does.
    await expect(dataSource.query(`INSERT INTO concept_broader (concept_id, broader_id) VALUES ($1, $1)`, [LABOUR_LAW])).rejects.toThrow(/concept_not_broader_than_itself/);
  });

  it('refuses a cycle made by two changes at once: each pair of concepts ends with one above the other, never both', async () => {
    const pairs = await Promise.all(
      Array.from({ length: 8 }, async (_, index) => [
        (await create.execute({ content: content({ en: `Race ${index} A` }) })).concept.id,
        (await create.execute({ content: content({ en: `Race ${index} B` }) })).concept.id,
      ]),
    );
    const outcomes = await Promise.all(
      pairs.flatMap(([a, b]) => [refusalOf(update.execute({ conceptId: a, changes: { broader: [b] } })), refusalOf(update.execute({ conceptId: b, changes: { broader: [a] } }))]),
    );
    for (let index = 0; index < pairs.length; index += 1) {
      expect([outcomes[2 * index], outcomes[2 * index + 1]].sort()).toEqual([TaxonomyErrorCode.Cycle, undefined].sort());
    }
    const cycles = await dataSource.query(`
      WITH RECURSIVE up (start, node, depth) AS (
        SELECT concept_id, broader_id, 1 FROM concept_broader
        UNION ALL
        SELECT up.start, b.broader_id, up.depth + 1 FROM up JOIN concept_broader b ON b.concept_id = up.node WHERE up.depth < 50
      )
      SELECT DISTINCT start FROM up WHERE node = start`);
    expect(cycles).toEqual([]);
  });

  it('exports the scheme as SKOS JSON-LD that a JSON-LD processor reads into the expected RDF', async () => {
    const child = await create.execute({ content: content({ en: 'Child labour', fr: 'Travail des enfants', es: 'Trabajo infantil' }, { broader: [FORCED_LABOUR] }) });
    const document = await exportScheme.execute();
    const nquads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, { format: 'application/n-quads' })) as unknown as string;
    const store = new Store(new Parser({ format: 'N-Quads' }).parse(nquads));
    const scheme = namedNode(conceptIri(TAXONOMY_SCHEME_ID));
    const forced = namedNode(conceptIri(FORCED_LABOUR));
    const childNode = namedNode(conceptIri(child.concept.id));
    const has = (s: Quad['subject'], p: string, o: Quad['object']) => store.countQuads(s, namedNode(p), o, null) === 1;

    expect(has(scheme, RDF_TYPE, namedNode(`${SKOS}ConceptScheme`))).toBe(true);
    for (const seed of SEED_CONCEPTS) {
      const node = namedNode(conceptIri(seed.id));
      expect(has(node, RDF_TYPE, namedNode(`${SKOS}Concept`))).toBe(true);
      expect(has(node, `${SKOS}inScheme`, scheme)).toBe(true);
      expect(has(node, `${SKOS}topConceptOf`, scheme)).toBe(true);
      expect(has(scheme, `${SKOS}hasTopConcept`, node)).toBe(true);
      for (const language of ['en', 'fr', 'es']) expect(has(node, `${SKOS}prefLabel`, literal(seed.prefLabel[language], language))).toBe(true);
    }
    expect(has(forced, `${SKOS}prefLabel`, literal('Travail forcé', 'fr'))).toBe(true);
    expect(has(namedNode(conceptIri(LABOUR_LAW)), `${SKOS}altLabel`, literal('Legislación', 'es'))).toBe(true);
    expect(has(childNode, `${SKOS}broader`, forced)).toBe(true);
    expect(has(forced, `${SKOS}narrower`, childNode)).toBe(true);
    expect(has(childNode, `${SKOS}topConceptOf`, scheme)).toBe(false);
    expect(has(scheme, `${SKOS}hasTopConcept`, childNode)).toBe(false);

    // SKOS S14: no resource has two preferred labels with one language tag.
    const prefLabels = store.getQuads(null, namedNode(`${SKOS}prefLabel`), null, null);
    const perLanguage = new Set(prefLabels.map((quad) => `${quad.subject.value} ${(quad.object as { language: string }).language}`));
    expect(perLanguage.size).toBe(prefLabels.length);
  });
});
