import type { Role } from '#ikm/auth';
import { findContract } from '#ikm/contracts';
import { decodeCloudEvent } from '#ikm/messaging';
import {
  apiClient,
  eventually,
  headerText,
  itAnswersEachWithAProblem,
  outboxEvents,
  ServiceProcess,
  TEST_SERVICES,
  TestKafka,
  unpublishedOutboxCount,
  type BadInputCase,
  type PersonaClaims,
  type PersonaClient,
} from '#ikm/testing';
import type { KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { assetDraft, assetIn, draftAsset, transitionAsset } from './factories.js';

/**
 * Foresight signals and scenarios (paragraph 16) through the knowledge-assets API, against real
 * PostgreSQL and Kafka: their fields validated, published and versioned as every asset is, their lists,
 * filters and likelihood x impact counts, a scenario's signals shown only as far as its reader may see
 * them, the search, and their events against the contracts.
 */
const service = new ServiceProcess(TEST_SERVICES['knowledge-assets']);
const kafka = new TestKafka();
const db = new pg.Pool({ connectionString: TEST_SERVICES['knowledge-assets'].databaseUrl, max: 2 });
const assetsApi = apiClient(service, { prefix: '/knowledge-assets/assets' });
const foresightApi = apiClient(service, { prefix: '/knowledge-assets/foresight' });

const UNIT = `FORESIGHT-${randomUUID().slice(0, 8)}`;
/** A subject only this run's assets carry, so lists and counts see this file's assets alone. */
const SUBJECT = randomUUID();
/** A word no other asset holds, in a driver's description only. */
const DRIVER_WORD = `zorblaxia${randomUUID().replaceAll(/[^a-f]/g, '').slice(0, 6)}`;

const PEOPLE = {
  creator: { sub: 'cleo', roles: ['staff'], unit: 'OTHER' },
  unitOfficer: { sub: 'kim', roles: ['km_officer'], unit: UNIT },
  otherStaff: { sub: 'sam', roles: ['staff'], unit: 'OTHER' },
  constituent: { sub: 'con', roles: ['constituent'], unit: UNIT },
} satisfies Record<string, PersonaClaims & { sub: string; roles: Role[] }>;
type Who = keyof typeof PEOPLE;

function persona(who: Who): [string, Role[], PersonaClaims] {
  const { sub, roles, ...claims } = PEOPLE[who] as { sub: string; roles: Role[] };
  return [sub, roles, claims];
}
const as = (who: Who): PersonaClient => assetsApi.as(...persona(who));
const foresightAs = (who: Who): PersonaClient => foresightApi.as(...persona(who));
const people = () => ({ owner: as('creator'), publisher: as('unitOfficer') });

/** A signal complete enough to be submitted, by cleo for the unit, about this run's subject. */
const signal = (extra: object = {}) =>
  assetDraft(UNIT, {
    type: 'foresight_signal',
    title: { en: 'Algorithmic hiring spreads to public employment services', fr: 'Le recrutement algorithmique gagne les services publics de l’emploi' },
    subjects: [SUBJECT],
    persistentIdentifier: null,
    drivers: [
      { category: 'technological', description: { en: `Generative AI in job matching (${DRIVER_WORD})`, es: 'IA generativa en la intermediación laboral' } },
      { category: 'legal' },
    ],
    horizon: { from: 2027, to: 2032 },
    likelihood: 4,
    impact: 5,
    sources: [{ url: 'https://www.ilo.org/publications/ai-and-employment-services', note: 'Survey of 40 services.' }],
    ...extra,
  });
const scenario = (signals: string[], extra: object = {}) =>
  assetDraft(UNIT, {
    type: 'foresight_scenario',
    title: { en: 'Matched by machines, 2035' },
    subjects: [SUBJECT],
    persistentIdentifier: null,
    narrative: { en: 'By 2035 most vacancies are filled through algorithmic matching.', fr: 'En 2035, la plupart des offres sont pourvues par appariement algorithmique.' },
    horizon: { from: 2030, to: 2035 },
    signals,
    sources: [],
    ...extra,
  });

beforeAll(async () => {
  await service.start();
}, 60_000);

afterAll(async () => {
  await service.stop();
  await db.end();
});

describe('a foresight signal', () => {
  it('is created with its drivers, horizon, likelihood, impact and sources, and needs nothing more to be submitted', async () => {
    const response = await as('creator').post('', signal());
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      type: 'foresight_signal',
      drivers: [
        { category: 'technological', description: { en: expect.stringContaining(DRIVER_WORD), es: 'IA generativa en la intermediación laboral' } },
        { category: 'legal', description: null },
      ],
      horizon: { from: 2027, to: 2032 },
      likelihood: 4,
      impact: 5,
      sources: [{ url: 'https://www.ilo.org/publications/ai-and-employment-services', assetId: null, note: 'Survey of 40 services.' }],
      quality: { missingRequired: [] },
    });
    // A signal has no scenario's fields.
    expect(response.body).not.toHaveProperty('signals');
    expect(response.body).not.toHaveProperty('narrative');
    const [created] = await outboxEvents(db, { aggregateId: response.body.id, type: 'ikm.knowledge-assets.asset.draft-created.v1' });
    expect(created.payload).toMatchObject({ drivers: response.body.drivers, horizon: { from: 2027, to: 2032 }, likelihood: 4, impact: 5, sources: response.body.sources });
    expect(() => findContract(created.type)!.schema.parse(created.payload)).not.toThrow();
  });

  it('leaves other types as they were: no foresight field in their answers or events', async () => {
    const id = await draftAsset(as('creator'), assetDraft(UNIT));
    const response = await as('creator').get(`/${id}`);
    for (const field of ['drivers', 'horizon', 'likelihood', 'impact', 'sources', 'narrative', 'signals']) expect(response.body).not.toHaveProperty(field);
    const [created] = await outboxEvents(db, { aggregateId: id, type: 'ikm.knowledge-assets.asset.draft-created.v1' });
    expect(created.payload).not.toHaveProperty('drivers');
  });

  it('cannot be submitted before it is placed on the radar: drivers, horizon, likelihood and impact named', async () => {
    const response = await as('creator').post('', signal({ drivers: [], horizon: null, likelihood: null, impact: undefined }));
    expect(response.status).toBe(201);
    expect(response.body.quality.missingRequired).toEqual(['drivers', 'horizon', 'likelihood', 'impact']);
    const submitted = await as('creator').post(`/${response.body.id}/transitions`, { to: 'in_review' });
    expect(submitted.status).toBe(409);
    expect(submitted.body.errors.map((error: { field: string }) => error.field)).toEqual(['drivers', 'horizon', 'likelihood', 'impact']);
  });

  it('is published; its next version changes its ratings while the published one keeps them; events carry the fields', async () => {
    const id = await assetIn('published', people(), signal({ likelihood: 2, impact: 3 }));
    const next = await as('creator').post(`/${id}/versions`);
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ versionNumber: 2, likelihood: 2, impact: 3, drivers: [{ category: 'technological' }, { category: 'legal' }] });
    const edited = await as('creator').patch(`/${id}`, { likelihood: 5, drivers: [{ category: 'demographic', description: { en: 'Ageing workforces' } }] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ likelihood: 5, impact: 3, drivers: [{ category: 'demographic' }] });
    expect((await as('creator').get(`/${id}/versions/1`)).body).toMatchObject({ status: 'published', likelihood: 2, drivers: [{ category: 'technological' }, { category: 'legal' }] });
    await transitionAsset(as('creator'), id, 'in_review');
    await transitionAsset(as('unitOfficer'), id, 'published');
    const [, published] = await outboxEvents(db, { aggregateId: id, type: 'ikm.knowledge-assets.asset.published.v1' });
    expect(published.payload).toMatchObject({ versionNumber: 2, likelihood: 5, impact: 3, drivers: [{ category: 'demographic', description: { en: 'Ageing workforces' } }] });
    const [updated] = await outboxEvents(db, { aggregateId: id, type: 'ikm.knowledge-assets.asset.draft-updated.v1' });
    expect(updated.payload.changes).toEqual({ likelihood: 5, drivers: [{ category: 'demographic', description: { en: 'Ageing workforces' } }] });
  });

  describe('refuses bad fields with a problem naming each', () => {
    const post = (body: object) => () => as('creator').post('', body);
    let briefId: string;
    let draftBriefId: string;
    let signalId: string;
    beforeAll(async () => {
      briefId = await assetIn('published', people(), assetDraft(UNIT));
      draftBriefId = await draftAsset(as('creator'), assetDraft(UNIT));
      signalId = await draftAsset(as('creator'), signal());
    });
    const cases: BadInputCase[] = [
      ['an unknown driver category', post(signal({ drivers: [{ category: 'astrological' }] })), 400, 'drivers.0.category'],
      ['drivers as an object', post(signal({ drivers: { category: 'social' } })), 400, 'drivers'],
      ['a driver description in an unknown language', post(signal({ drivers: [{ category: 'social', description: { xx: 'Gig work' } }] })), 400, 'drivers.0.description'],
      ['a horizon ending before it starts', post(signal({ horizon: { from: 2040, to: 2030 } })), 400, 'horizon.to'],
      ['a horizon in the past century', post(signal({ horizon: { from: 1990, to: 2030 } })), 400, 'horizon.from'],
      ['a horizon as a year', post(signal({ horizon: 2030 })), 400, 'horizon'],
      ['a likelihood off the scale', post(signal({ likelihood: 6 })), 400, 'likelihood'],
      ['a fractional likelihood', post(signal({ likelihood: 2.5 })), 400, 'likelihood'],
      ['an impact of 0', post(signal({ impact: 0 })), 400, 'impact'],
      ['a source with both a url and an asset', post(signal({ sources: [{ url: 'https://example.org/a', assetId: randomUUID() }] })), 400, 'sources.0.url'],
      ['a source with neither', post(signal({ sources: [{ note: 'somewhere' }] })), 400, 'sources.0.url'],
      ['a source that is not a URL', post(signal({ sources: [{ url: 'ftp://example.org/a' }] })), 400, 'sources.0.url'],
      ['a source asset you cannot see', post(signal({ sources: [{ assetId: randomUUID() }] })), 400, 'sources.0.assetId'],
      ['drivers on a policy brief', post(assetDraft(UNIT, { drivers: [{ category: 'social' }] })), 400, 'drivers'],
      ['signals on a signal', post(signal({ signals: [randomUUID()] })), 400, 'signals'],
      ['a likelihood on a scenario', post(scenario([], { likelihood: 3 })), 400, 'likelihood'],
      ['a scenario grouping an unknown signal', post(scenario([randomUUID()])), 400, 'signals.0'],
      ['a scenario grouping a policy brief', () => as('creator').post('', scenario([signalId, briefId])), 400, 'signals.1'],
      ['a scenario repeating a signal', () => as('creator').post('', scenario([signalId, signalId])), 400, 'signals'],
      ['a likelihood patched onto a policy brief', () => as('creator').patch(`/${draftBriefId}`, { likelihood: 3 }), 400, 'likelihood'],
      ['a signal changed into a publication with its drivers', () => as('creator').patch(`/${signalId}`, { type: 'publication' }), 400, 'drivers'],
      ['a narrative patched onto a signal', () => as('creator').patch(`/${signalId}`, { narrative: { en: 'A story' } }), 400, 'narrative'],
      ['an unknown driver filter', () => foresightAs('creator').get('/signals?driver=astrological'), 400, 'driver'],
      ['a minimum likelihood off the scale', () => foresightAs('creator').get('/signals?minLikelihood=9'), 400, 'minLikelihood'],
      ['a horizon filter that is no year', () => foresightAs('creator').get('/signals/matrix?horizon=soon'), 400, 'horizon'],
      ['a signal id that is no uuid', () => foresightAs('creator').get('/signals/nope/scenarios'), 400, 'id'],
    ];
    itAnswersEachWithAProblem(cases);

    it('keeps nothing of a refused write', async () => {
      const before = (await outboxEvents(db, { aggregateId: signalId })).length;
      expect((await as('creator').patch(`/${signalId}`, { likelihood: 9 })).status).toBe(400);
      expect((await as('creator').patch(`/${signalId}`, { signals: [randomUUID()] })).status).toBe(400);
      expect((await as('creator').get(`/${signalId}`)).body).toMatchObject({ revision: 1, likelihood: 4 });
      expect((await outboxEvents(db, { aggregateId: signalId })).length).toBe(before);
    });
  });
});

describe('lists, filters and the likelihood x impact matrix', () => {
  const ids: Record<string, string> = {};
  const listed = async (who: Who, query: string) => {
    const response = await foresightAs(who).get(`/signals?limit=100&${query}`);
    expect(response.status).toBe(200);
    return new Set<string>(response.body.items.map((item: { id: string }) => item.id));
  };
  const only = (...names: string[]) => new Set(names.map((name) => ids[name]));

  beforeAll(async () => {
    // The signals of the run's other tests carry the subject too: these carry a second one, so the
    // counts below hold exactly these five.
    const subjects = [SUBJECT, randomUUID()];
    const make = (state: 'published' | 'draft', extra: object) => assetIn(state, people(), signal({ subjects, ...extra }));
    ids.aiPublic = await make('published', { accessLevel: 'public', likelihood: 4, impact: 5, horizon: { from: 2027, to: 2032 } });
    ids.climateInternal = await make('published', {
      accessLevel: 'internal',
      likelihood: 4,
      impact: 5,
      horizon: { from: 2035, to: 2050 },
      drivers: [{ category: 'environmental', description: { en: 'Heat stress on outdoor work' } }],
    });
    ids.ageingPublic = await make('published', { accessLevel: 'public', likelihood: 2, impact: 3, horizon: { from: 2030, to: 2040 }, drivers: [{ category: 'demographic' }] });
    ids.draft = await make('draft', { likelihood: 5, impact: 1 });
    ids.unrated = await make('draft', { likelihood: null, impact: null });
    Object.assign(ids, { subject: subjects[1] });
  });

  it('filters by driver, horizon year, minimum likelihood and impact, and text, under each reader’s visibility', async () => {
    const second = `subject=${ids.subject}`;
    // cleo owns all five; sam (staff) sees the published ones; a constituent the public ones.
    expect(await listed('creator', second)).toEqual(only('aiPublic', 'climateInternal', 'ageingPublic', 'draft', 'unrated'));
    expect(await listed('otherStaff', second)).toEqual(only('aiPublic', 'climateInternal', 'ageingPublic'));
    expect(await listed('constituent', second)).toEqual(only('aiPublic', 'ageingPublic'));
    expect(await listed('creator', `${second}&driver=technological`)).toEqual(only('aiPublic', 'draft', 'unrated'));
    expect(await listed('creator', `${second}&driver=environmental`)).toEqual(only('climateInternal'));
    expect(await listed('otherStaff', `${second}&horizon=2035`)).toEqual(only('climateInternal', 'ageingPublic'));
    expect(await listed('otherStaff', `${second}&horizon=2027`)).toEqual(only('aiPublic'));
    expect(await listed('creator', `${second}&minLikelihood=4&minImpact=5`)).toEqual(only('aiPublic', 'climateInternal'));
    expect(await listed('creator', `${second}&q=heat stress`)).toEqual(only('climateInternal'));
    expect(await listed('creator', `${second}&q=${DRIVER_WORD}`)).toEqual(only('aiPublic', 'draft', 'unrated'));
    expect(await listed('constituent', `${second}&q=heat`)).toEqual(new Set());
  });

  it('pages with a cursor, each signal once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await foresightAs('creator').get(`/signals?subject=${ids.subject}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      seen.push(...response.body.items.map((item: { id: string }) => item.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...only('aiPublic', 'climateInternal', 'ageingPublic', 'draft', 'unrated')].sort());
    expect(new Set(seen).size).toBe(5);
  });

  it('counts each cell for the radar, zeros included, only what the reader may see', async () => {
    const matrix = async (who: Who, query = '') => {
      const response = await foresightAs(who).get(`/signals/matrix?subject=${ids.subject}${query}`);
      expect(response.status).toBe(200);
      expect(response.body.cells).toHaveLength(25);
      const nonZero = Object.fromEntries(response.body.cells.filter((cell: { count: number }) => cell.count > 0).map((cell: { likelihood: number; impact: number; count: number }) => [`${cell.likelihood}x${cell.impact}`, cell.count]));
      return { nonZero, unrated: response.body.unrated, total: response.body.total };
    };
    expect(await matrix('creator')).toEqual({ nonZero: { '4x5': 2, '2x3': 1, '5x1': 1 }, unrated: 1, total: 5 });
    expect(await matrix('otherStaff')).toEqual({ nonZero: { '4x5': 2, '2x3': 1 }, unrated: 0, total: 3 });
    expect(await matrix('constituent')).toEqual({ nonZero: { '4x5': 1, '2x3': 1 }, unrated: 0, total: 2 });
    expect(await matrix('otherStaff', '&driver=demographic')).toEqual({ nonZero: { '2x3': 1 }, unrated: 0, total: 1 });
  });
});

describe('a scenario grouping signals', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.public = await assetIn('published', people(), signal({ accessLevel: 'public' }));
    ids.internal = await assetIn('published', people(), signal({ accessLevel: 'internal' }));
    ids.draft = await draftAsset(as('creator'), signal());
    ids.scenario = await assetIn('published', people(), scenario([ids.draft, ids.internal, ids.public], { accessLevel: 'public' }));
  });
  const signalsSeenBy = async (who: Who) => {
    const response = await as(who).get(`/${ids.scenario}`);
    expect(response.status).toBe(200);
    return response.body.signals;
  };

  it('shows each reader only the signals they may see, in their order: no draft to others, no internal one to a constituent', async () => {
    expect(await signalsSeenBy('creator')).toEqual([ids.draft, ids.internal, ids.public]);
    expect(await signalsSeenBy('otherStaff')).toEqual([ids.internal, ids.public]);
    expect(await signalsSeenBy('constituent')).toEqual([ids.public]);
    const listed = await foresightAs('constituent').get(`/scenarios?subject=${SUBJECT}&limit=100`);
    expect(listed.body.items.find((item: { id: string }) => item.id === ids.scenario)).toMatchObject({ signals: [ids.public], narrative: { en: expect.any(String) } });
    // The event carries the scenario's whole state, for consumers that keep it.
    const [published] = await outboxEvents(db, { aggregateId: ids.scenario, type: 'ikm.knowledge-assets.asset.published.v1' });
    expect(published.payload.signals).toEqual([ids.draft, ids.internal, ids.public]);
  });

  it('is listed on each signal it groups, for those who may see the signal', async () => {
    const scenariosOf = (who: Who, signalId: string) => foresightAs(who).get(`/signals/${signalId}/scenarios`);
    const ofPublic = await scenariosOf('constituent', ids.public);
    expect(ofPublic.status).toBe(200);
    expect(ofPublic.body.items.map((item: { id: string }) => item.id)).toEqual([ids.scenario]);
    expect((await scenariosOf('otherStaff', ids.internal)).body.items.map((item: { id: string }) => item.id)).toEqual([ids.scenario]);
    expect((await scenariosOf('constituent', ids.internal)).status).toBe(404);
    expect((await scenariosOf('otherStaff', ids.draft)).status).toBe(404);
  });

  it('keeps, through its owner’s edit, a signal that has become invisible to the owner, and shows it only to those who may see it', async () => {
    // sam's signal, internal: cleo (staff) may group it; then it is restricted to a unit cleo is not in.
    const sams = await assetIn('published', { owner: as('otherStaff'), publisher: as('unitOfficer') }, signal({ creators: [{ name: 'Sam', staffId: 'sam' }] }));
    const scenarioId = await draftAsset(as('creator'), scenario([sams, ids.public]));
    expect((await as('otherStaff').put(`/${sams}/access`, { accessLevel: 'restricted', restrictedToUnits: ['ELSEWHERE'] })).status).toBe(200);
    const edited = await as('creator').patch(`/${scenarioId}`, { narrative: { en: 'By 2035, matching is algorithmic almost everywhere.' } });
    expect(edited.status).toBe(200);
    expect(edited.body.signals).toEqual([ids.public]);
    // Stored whole: kim, the unit's km_officer, sees it all, and the event carries it.
    expect((await as('unitOfficer').get(`/${scenarioId}`)).body.signals).toEqual([sams, ids.public]);
    const [updated] = await outboxEvents(db, { aggregateId: scenarioId, type: 'ikm.knowledge-assets.asset.draft-updated.v1' });
    expect(updated.payload.changes).toEqual({ narrative: { en: 'By 2035, matching is algorithmic almost everywhere.' } });
    // Dropping the visible one leaves the hidden one in place, still hidden from cleo.
    const dropped = await as('creator').patch(`/${scenarioId}`, { signals: [sams] });
    expect(dropped.body.signals).toEqual([]);
    expect((await as('unitOfficer').get(`/${scenarioId}`)).body.signals).toEqual([sams]);
  });
});

describe('search', () => {
  it('finds a published signal by a word of its drivers and by the type facet', async () => {
    const id = await assetIn('published', people(), signal({ accessLevel: 'public', title: { en: 'Platform cooperatives grow' } }));
    const response = await as('constituent').get(`/search?q=${DRIVER_WORD}&type=foresight_signal&limit=100`);
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { id: string }) => item.id)).toContain(id);
    expect(response.body.facets.type).toEqual([{ value: 'foresight_signal', count: response.body.total }]);
    const byCategory = await as('constituent').get(`/search?q=${DRIVER_WORD} legal&type=foresight_signal`);
    expect(byCategory.body.items.map((item: { id: string }) => item.id)).toContain(id);
    const scenarios = await as('constituent').get(`/search?type=foresight_scenario&q=algorithmic matching`);
    expect(scenarios.status).toBe(200);
    expect(scenarios.body.facets.type.map((facet: { value: string }) => facet.value)).toEqual(['foresight_scenario']);
  });
});

describe('events', () => {
  it('every event of these assets is on Kafka and validates against its contract', async () => {
    await eventually(async () => expect(await unpublishedOutboxCount(db)).toBe(0), 30_000);
    const rows = (await outboxEvents(db)).filter((row) => row.topic === 'ikm.knowledge-assets.asset');
    for (const row of rows) expect(() => findContract(row.type)!.schema.parse(row.payload)).not.toThrow();
    const foresightRows = rows.filter((row) => String(row.payload.type ?? '').startsWith('foresight_'));
    expect(foresightRows.length).toBeGreaterThan(10);
    const emitted = new Set(foresightRows.map((row) => row.id));
    const isOurs = (record: KafkaMessage) => emitted.has(headerText(record.headers, 'ce_id') ?? '');
    const records = await kafka.readUntil('ikm.knowledge-assets.asset', (received) => received.filter(isOurs).length >= emitted.size, 60_000);
    const ours = records.filter(isOurs);
    expect(new Set(ours.map((record) => headerText(record.headers, 'ce_id'))).size).toBe(emitted.size);
    for (const record of ours) expect(() => decodeCloudEvent('ikm.knowledge-assets.asset', 0, record)).not.toThrow();
  }, 90_000);
});
