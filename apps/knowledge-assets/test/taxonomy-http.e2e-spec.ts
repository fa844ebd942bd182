import { randomUUID } from 'node:crypto';
import { apiClient, ServiceProcess, TEST_SERVICES } from '#ikm/testing';
import { SEED_CONCEPTS } from '../src/taxonomy/taxonomy.seed.js';

/**
 * The taxonomy's routes on the running knowledge-assets service: who may change what, If-Match, what
 * bad input and a cycle answer, and the SKOS export's media type. The graph's rules, concurrency and
 * the export's triples are tested on the database in taxonomy.e2e-spec.ts.
 */
const service = new ServiceProcess(TEST_SERVICES['knowledge-assets']);
const taxonomy = apiClient(service, { prefix: '/knowledge-assets/taxonomy' });
const officer = taxonomy.as('officer-1', ['km_officer']);
const staff = taxonomy.as('staff-1', ['staff']);

/** Preferred labels are unique in the scheme, and the fuzzer may have added its own to this database. */
const unique = () => randomUUID().slice(0, 8);
const FORCED_LABOUR = SEED_CONCEPTS.find((concept) => concept.prefLabel.en === 'Forced labour')!.id;

describe('the taxonomy over HTTP', () => {
  beforeAll(() => service.start(), 60_000);
  afterAll(() => service.stop());

  it('lets everyone signed in read, and only km_officer or ikmu_admin change', async () => {
    const list = await staff.get('/concepts?limit=100');
    expect(list.status).toBe(200);
    // The seed, whatever other suites (the fuzzer) added to this database.
    expect(list.body.items.map((concept: { id: string }) => concept.id)).toEqual(expect.arrayContaining(SEED_CONCEPTS.map((concept) => concept.id)));
    expect((await staff.post('/concepts', { prefLabel: { en: 'Green jobs' } })).status).toBe(403);
    expect((await staff.patch(`/concepts/${FORCED_LABOUR}`, { definition: { en: 'x' } })).status).toBe(403);

    const created = await officer.post('/concepts', { prefLabel: { en: `Green jobs ${unique()}`, fr: `Emplois verts ${unique()}`, es: `Empleos verdes ${unique()}` } });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/knowledge-assets/taxonomy/concepts/${created.body.id}`);
    expect(created.body).toMatchObject({ topConcept: true, broader: [], narrower: [], version: 1 });
  });

  it('changes a concept conditionally on If-Match, and answers a stale one with 412', async () => {
    const { id } = (await officer.post('/concepts', { prefLabel: { en: `Child labour ${unique()}` }, broader: [FORCED_LABOUR] }).expect(201)).body;
    const concept = await staff.get(`/concepts/${id}`);
    expect(concept.headers.etag).toBe('"1"');
    const changed = await officer.patch(`/concepts/${id}`, { definition: { en: 'Work that deprives children of their childhood.' } }).set('if-match', '"1"');
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    const stale = await officer.patch(`/concepts/${id}`, { definition: { en: 'Again' } }).set('if-match', '"1"');
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(2);
  });

  it('answers bad input with a 400 problem naming the field, and a cycle with a 409', async () => {
    const duplicate = await officer.post('/concepts', { prefLabel: { en: 'Decent work', EN: 'Decent Work' } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'prefLabel' })]);
    expect((await officer.post('/concepts', { prefLabel: { en: 'Decent work' }, broader: ['x'] })).body.errors).toEqual([expect.objectContaining({ field: 'broader' })]);
    const self = await officer.patch(`/concepts/${FORCED_LABOUR}`, { broader: [FORCED_LABOUR] });
    expect(self.status).toBe(400);
    expect(self.body.errors).toEqual([expect.objectContaining({ field: 'broader' })]);

    const parent = (await officer.post('/concepts', { prefLabel: { en: `Forced labour indicators ${unique()}` } }).expect(201)).body.id;
    const child = (await officer.post('/concepts', { prefLabel: { en: `Debt bondage ${unique()}` }, broader: [parent] }).expect(201)).body.id;
    const cycle = await officer.patch(`/concepts/${parent}`, { broader: [child] });
    expect(cycle.status).toBe(409);
    expect(cycle.body.cycle).toEqual([parent, child, parent]);
    expect((await staff.get('/concepts/not-a-uuid')).status).toBe(400);
    expect((await staff.get('/concepts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('exports SKOS as application/ld+json', async () => {
    const exported = await staff.get('/scheme.jsonld');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(exported.body['@graph'][0]).toMatchObject({ type: 'ConceptScheme' });
  });
});
