import type { Role } from '#ikm/auth';
import { apiClient, gatewayApi, ServiceProcess, TEST_SERVICES, type PersonaClient } from '#ikm/testing';
import { XMLParser } from 'fast-xml-parser';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { encodeResumptionToken, type ListPosition } from '../src/oai-pmh/resumption-token.js';
import { TAXONOMY_SCHEME_ID } from '../src/taxonomy/taxonomy.seed.js';
import { assetDraft, assetIn, transitionAsset } from './factories.js';
import { validateOaiPmh } from './oai-pmh-schemas.js';

/**
 * The OAI-PMH data provider on the running service, called anonymously through the gateway: every
 * verb and error, sets, from/until, paging by resumption token (across a restart; expired; altered),
 * deleted records, and what never appears (internal, embargoed, drafts). Every answer is validated
 * against the OAI-PMH and oai_dc schemas by xmllint. Each test's assets share a random subject, whose
 * set (`subject:<id>`) keeps other tests' assets out of the lists.
 */
const SECRET = 'oai-test-secret-0123456789abcdefghijklmnop';
const REPOSITORY = 'ikm.test.ilo.org';
const gateway = new ServiceProcess(TEST_SERVICES.gateway);
const oaiEnv = { PUBLIC_BASE_URL: gateway.baseUrl, OAI_PAGE_SIZE: '2', OAI_REPOSITORY_IDENTIFIER: REPOSITORY, OAI_TOKEN_SECRET: SECRET };
let service = new ServiceProcess(TEST_SERVICES['knowledge-assets'], oaiEnv);
const db = new pg.Pool({ connectionString: TEST_SERVICES['knowledge-assets'].databaseUrl, max: 2 });
const assetsApi = apiClient(service, { prefix: '/knowledge-assets/assets' });
const oai = gatewayApi(gateway, 'knowledge-assets').anonymous;

const UNIT = `OAI-${randomUUID().slice(0, 8)}`;
const as = (sub: string, roles: Role[], unit?: string): PersonaClient => assetsApi.as(sub, roles, unit ? { unit } : {});
const people = { owner: as('cleo', ['staff'], 'ELSEWHERE'), publisher: as('kim', ['km_officer'], UNIT) };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name, jpath) => ['record', 'set', 'error', 'metadataFormat', 'setSpec'].includes(name) || /ListIdentifiers\.header$/.test(String(jpath)) || /\.dc\.\w+$/.test(String(jpath)),
});

interface Answer {
  xml: string;
  body: Record<string, any>;
}

/** One OAI-PMH request by GET (or POST as a form); the answer must be a 200 document valid against the schemas. */
async function harvest(query: string, method: 'GET' | 'POST' = 'GET'): Promise<Answer> {
  const response =
    method === 'GET'
      ? await oai.get(`/oai?${query}`).buffer(true).parse((res, done) => { let text = ''; res.on('data', (chunk: Buffer) => (text += chunk)); res.on('end', () => done(null, text)); })
      : await oai.post('/oai').type('form').send(query).buffer(true).parse((res, done) => { let text = ''; res.on('data', (chunk: Buffer) => (text += chunk)); res.on('end', () => done(null, text)); });
  expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status: 200, type: 'text/xml; charset=utf-8' });
  const xml = response.body as string;
  expect(await validateOaiPmh(xml)).toBe('valid');
  return { xml, body: parser.parse(xml)['OAI-PMH'] };
}

const errorsOf = (answer: Answer): string[] => (answer.body.error ?? []).map((error: { '@code': string }) => error['@code']);
const identifier = (assetId: string) => `oai:${REPOSITORY}:${assetId}`;
const idsOf = (headers: Array<{ identifier: string }>) => headers.map((header) => String(header.identifier).split(':').at(-1)!);

/** Every page of a list, through its resumption tokens; the tokens' cursors and sizes kept. */
async function harvestAll(verb: 'ListRecords' | 'ListIdentifiers', query: string) {
  const pages: Array<{ ids: string[]; cursor: number | null; size: number | null; token: string }> = [];
  let answer = await harvest(`verb=${verb}&${query}`);
  for (;;) {
    const list = answer.body[verb];
    const headers = verb === 'ListRecords' ? list.record.map((record: { header: unknown }) => record.header) : list.header;
    const token = list.resumptionToken;
    const text = typeof token === 'string' ? token : (token?.['#text'] ?? '');
    pages.push({ ids: idsOf(headers as never), cursor: token ? Number(token['@cursor']) : null, size: token ? Number(token['@completeListSize']) : null, token: text });
    if (!text) return pages;
    answer = await harvest(`verb=${verb}&resumptionToken=${encodeURIComponent(text)}`);
  }
}

/** An asset published by kim, public unless said, with this subject. */
const publish = (subject: string, overrides: object = {}) => assetIn('published', people, assetDraft(UNIT, { subjects: [subject], ...overrides }));

beforeAll(async () => {
  await service.start();
  await gateway.start();
}, 90_000);

afterAll(async () => {
  await gateway.stop();
  await service.stop();
  await db.end();
});

describe('Identify, ListMetadataFormats, ListSets', () => {
  it('identifies the repository at the gateway’s public URL, persistent deletions, second granularity', async () => {
    const answer = await harvest('verb=Identify');
    expect(answer.body.request).toEqual({ '#text': `${gateway.baseUrl}/api/v1/knowledge-assets/oai`, '@verb': 'Identify' });
    expect(answer.body.responseDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(answer.body.Identify).toMatchObject({ baseURL: `${gateway.baseUrl}/api/v1/knowledge-assets/oai`, protocolVersion: '2.0', deletedRecord: 'persistent', granularity: 'YYYY-MM-DDThh:mm:ssZ' });
    expect(answer.body.Identify.earliestDatestamp).toMatch(/Z$/);
  });

  it('offers oai_dc, for the repository and for an item; idDoesNotExist for anything else', async () => {
    const subject = randomUUID();
    const id = await publish(subject);
    for (const query of ['verb=ListMetadataFormats', `verb=ListMetadataFormats&identifier=${identifier(id)}`]) {
      const formats = (await harvest(query)).body.ListMetadataFormats.metadataFormat;
      expect(formats).toEqual([{ metadataPrefix: 'oai_dc', schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd', metadataNamespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/' }]);
    }
    expect(errorsOf(await harvest(`verb=ListMetadataFormats&identifier=${identifier(randomUUID())}`))).toEqual(['idDoesNotExist']);
    expect(errorsOf(await harvest('verb=ListMetadataFormats&identifier=oai:elsewhere.org:1'))).toEqual(['idDoesNotExist']);
  });

  it('lists a set per asset type and per top-level concept of the taxonomy', async () => {
    const top = randomUUID();
    const narrower = randomUUID();
    await db.query(`INSERT INTO concepts (id, scheme_id, pref_label, alt_label, version, created_at, updated_at) VALUES ($1, $3, '{"en":"OAI top"}', '{}', 1, now(), now()), ($2, $3, '{"en":"OAI narrower"}', '{}', 1, now(), now())`, [top, narrower, TAXONOMY_SCHEME_ID]);
    await db.query(`INSERT INTO concept_broader (concept_id, broader_id) VALUES ($1, $2)`, [narrower, top]);
    try {
      const sets = (await harvest('verb=ListSets')).body.ListSets.set.map((set: { setSpec: string[] }) => set.setSpec[0]);
      expect(sets).toEqual(expect.arrayContaining(['type:publication', 'type:policy_brief', `subject:${top}`]));
      expect(sets).not.toContain(`subject:${narrower}`);
      // An asset about the narrower concept is in the top concept's set.
      const id = await publish(narrower);
      expect((await harvestAll('ListIdentifiers', `metadataPrefix=oai_dc&set=subject:${top}`)).flatMap((page) => page.ids)).toEqual([id]);
      expect(errorsOf(await harvest('verb=ListSets&resumptionToken=x'))).toEqual(['badResumptionToken']);
    } finally {
      await db.query(`DELETE FROM concept_broader WHERE concept_id = $1`, [narrower]);
      await db.query(`UPDATE asset_versions SET subjects = '{}' WHERE $1 = ANY(subjects)`, [narrower]);
      await db.query(`DELETE FROM concepts WHERE id = ANY($1)`, [[top, narrower]]);
    }
  });
});

describe('records', () => {
  const subject = randomUUID();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.first = await publish(subject, { title: { en: 'Wages & <prices>', fr: 'Salaires' } });
    ids.second = await publish(subject, { type: 'dataset' });
    ids.third = await publish(subject);
    ids.fourth = await publish(subject);
    ids.fifth = await publish(subject);
    ids.internal = await publish(subject, { accessLevel: 'internal' });
    ids.embargoed = await publish(subject, { embargoUntil: '2099-01-01' });
    ids.draft = await assetIn('draft', people, assetDraft(UNIT, { subjects: [subject] }));
  }, 60_000);

  it('GetRecord: the current published version as oai_dc, echoing the arguments', async () => {
    const answer = await harvest(`verb=GetRecord&identifier=${identifier(ids.first!)}&metadataPrefix=oai_dc`);
    expect(answer.body.request).toMatchObject({ '@verb': 'GetRecord', '@identifier': identifier(ids.first!), '@metadataPrefix': 'oai_dc' });
    const record = answer.body.GetRecord.record[0];
    expect(record.header.identifier).toBe(identifier(ids.first!));
    expect(record.header.setSpec).toEqual(expect.arrayContaining(['type:policy_brief', `subject:${subject}`]));
    expect(record.metadata.dc.title).toEqual([{ '#text': 'Wages & <prices>', '@lang': 'en' }, { '#text': 'Salaires', '@lang': 'fr' }]);
    expect(record.metadata.dc.identifier).toEqual(['https://doi.org/10.54394/ABCD1234', `${gateway.baseUrl}/api/v1/knowledge-assets/assets/${ids.first}`]);
  });

  it('never shows an internal, embargoed or draft asset: not listed, idDoesNotExist', async () => {
    const listed = (await harvestAll('ListRecords', `metadataPrefix=oai_dc&set=subject:${subject}`)).flatMap((page) => page.ids);
    expect(listed.sort()).toEqual([ids.first, ids.second, ids.third, ids.fourth, ids.fifth].sort());
    for (const hidden of [ids.internal, ids.embargoed, ids.draft]) {
      expect(errorsOf(await harvest(`verb=GetRecord&identifier=${identifier(hidden!)}&metadataPrefix=oai_dc`))).toEqual(['idDoesNotExist']);
    }
  });

  it('pages ListRecords and ListIdentifiers by resumption token, with completeListSize and cursor, by GET and POST', async () => {
    for (const verb of ['ListRecords', 'ListIdentifiers'] as const) {
      const pages = await harvestAll(verb, `metadataPrefix=oai_dc&set=subject:${subject}`);
      expect(pages.map((page) => [page.ids.length, page.cursor, page.size])).toEqual([
        [2, 0, 5],
        [2, 2, 5],
        [1, 4, 5],
      ]);
      expect(new Set(pages.flatMap((page) => page.ids)).size).toBe(5);
    }
    const posted = await harvest(`verb=ListIdentifiers&metadataPrefix=oai_dc&set=${encodeURIComponent(`subject:${subject}`)}`, 'POST');
    expect({ errors: errorsOf(posted), headers: posted.body.ListIdentifiers?.header?.length }).toEqual({ errors: [], headers: 2 });
  });

  it('selects by type set and by from/until, in either granularity', async () => {
    expect((await harvestAll('ListIdentifiers', `metadataPrefix=oai_dc&set=type:dataset`)).flatMap((page) => page.ids)).toContain(ids.second);
    const { rows } = await db.query<{ datestamp: Date }>(`SELECT datestamp FROM oai_items WHERE asset_id = $1`, [ids.third]);
    const at = rows[0]!.datestamp.toISOString().slice(0, 19) + 'Z';
    const exact = (await harvestAll('ListIdentifiers', `metadataPrefix=oai_dc&set=subject:${subject}&from=${at}&until=${at}`)).flatMap((page) => page.ids);
    expect(exact).toContain(ids.third);
    const day = at.slice(0, 10);
    expect((await harvestAll('ListIdentifiers', `metadataPrefix=oai_dc&set=subject:${subject}&from=${day}&until=${day}`)).flatMap((page) => page.ids)).toHaveLength(5);
    expect(errorsOf(await harvest(`verb=ListIdentifiers&metadataPrefix=oai_dc&set=subject:${subject}&from=2000-01-01&until=2000-01-02`))).toEqual(['noRecordsMatch']);
  });

  it('keeps a resumption token across a restart, and refuses an expired or altered one', async () => {
    const first = await harvest(`verb=ListIdentifiers&metadataPrefix=oai_dc&set=subject:${subject}`);
    const token = first.body.ListIdentifiers.resumptionToken['#text'] as string;
    expect(first.body.ListIdentifiers.resumptionToken['@expirationDate']).toMatch(/Z$/);
    await service.stop();
    service = new ServiceProcess(TEST_SERVICES['knowledge-assets'], oaiEnv);
    await service.start();
    const next = await harvest(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`);
    expect(next.body.request).toMatchObject({ '@verb': 'ListIdentifiers', '@resumptionToken': token });
    expect(next.body.ListIdentifiers.header).toHaveLength(2);

    const expired: ListPosition = { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set: `subject:${subject}`, from: null, until: null, after: { datestamp: new Date(0).toISOString(), assetId: randomUUID() }, cursor: 2, completeListSize: 5, expiresAt: new Date(Date.now() - 1000).toISOString() };
    expect(errorsOf(await harvest(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(encodeResumptionToken(expired, SECRET))}`))).toEqual(['badResumptionToken']);
    const forged = encodeResumptionToken({ ...expired, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }, 'another-secret-0123456789abcdefghijklmnop');
    expect(errorsOf(await harvest(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(forged)}`))).toEqual(['badResumptionToken']);
    expect(errorsOf(await harvest(`verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`))).toEqual(['badResumptionToken']);
  }, 60_000);

  it('shows a retired asset, and one no longer public, as deleted records with a later datestamp', async () => {
    const retired = await publish(subject);
    const madeInternal = await publish(subject);
    const before = await db.query<{ asset_id: string; datestamp: Date }>(`SELECT asset_id, datestamp FROM oai_items WHERE asset_id = ANY($1)`, [[retired, madeInternal]]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await transitionAsset(people.publisher, retired, 'retired', 'withdrawn by its authors');
    const access = await people.publisher.put(`/${madeInternal}/access`, { accessLevel: 'internal', restrictedToUnits: [], restrictedToCommunities: [], embargoUntil: null });
    expect(access.status).toBe(200);
    for (const id of [retired, madeInternal]) {
      const record = (await harvest(`verb=GetRecord&identifier=${identifier(id)}&metadataPrefix=oai_dc`)).body.GetRecord.record[0];
      expect(record.header['@status']).toBe('deleted');
      expect(record.metadata).toBeUndefined();
      expect(Date.parse(record.header.datestamp)).toBeGreaterThan(before.rows.find((row) => row.asset_id === id)!.datestamp.getTime());
    }
    const headers = (await harvest(`verb=ListIdentifiers&metadataPrefix=oai_dc&from=${new Date(Date.now() - 60_000).toISOString().slice(0, 19)}Z`)).body.ListIdentifiers;
    expect(headers).toBeDefined();
  }, 60_000);
});

describe('protocol errors', () => {
  it.each([
    ['no verb', '', 'badVerb'],
    ['an unknown verb', 'verb=Harvest', 'badVerb'],
    ['a repeated verb', 'verb=Identify&verb=Identify', 'badVerb'],
    ['an illegal argument', 'verb=Identify&metadataPrefix=oai_dc', 'badArgument'],
    ['a missing argument', 'verb=ListRecords', 'badArgument'],
    ['a repeated argument', 'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc', 'badArgument'],
    ['a token beside other arguments', 'verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x', 'badArgument'],
    ['mixed granularities', 'verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2020-01-02T00:00:00Z', 'badArgument'],
    ['from after until', 'verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-02&until=2020-01-01', 'badArgument'],
    ['a date that is no date', 'verb=ListRecords&metadataPrefix=oai_dc&from=2020-02-30', 'badArgument'],
    ['an unknown format', 'verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
    ['an unknown format for a record', `verb=GetRecord&metadataPrefix=mods&identifier=oai:${REPOSITORY}:${randomUUID()}`, 'cannotDisseminateFormat'],
    ['an unknown identifier', `verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${REPOSITORY}:${randomUUID()}`, 'idDoesNotExist'],
    ['an unknown set', 'verb=ListRecords&metadataPrefix=oai_dc&set=colour:blue', 'noRecordsMatch'],
    ['a token not ours', 'verb=ListRecords&resumptionToken=garbage', 'badResumptionToken'],
  ])('%s: %s', async (_case, query, code) => {
    const answer = await harvest(query);
    expect(errorsOf(answer)).toContain(code);
    // badVerb and badArgument echo the base URL only.
    if (code === 'badVerb' || code === 'badArgument') expect(answer.body.request).toBe(`${gateway.baseUrl}/api/v1/knowledge-assets/oai`);
  });

  it('refuses a POST that is not a form with a problem, not a 5xx', async () => {
    const response = await oai.post('/oai', { verb: 'Identify' });
    expect(response.status).toBe(415);
  });
});

describe('Dublin Core export', () => {
  it('answers the record as JSON, and as oai_dc XML by Accept or .xml, with the visibility of GET /assets/{id}', async () => {
    const id = await publish(randomUUID(), { embargoUntil: '2099-01-01' });
    const reader = as('sam', ['staff'], 'ELSEWHERE');
    const json = await reader.get(`/${id}/dublin-core`);
    expect(json.status).toBe(200);
    expect(json.body.title).toContainEqual({ value: 'Social dialogue in the platform economy', lang: 'en' });
    // Under embargo for this reader: no abstract, no formats.
    expect(json.body.description).toBeUndefined();
    expect(json.body.rights).toContainEqual({ value: 'info:eu-repo/semantics/embargoedAccess' });
    const owner = await people.publisher.get(`/${id}/dublin-core`);
    expect(owner.body.description).toEqual([{ value: 'How platform workers and their employers bargain.', lang: 'en' }]);
    for (const response of [await reader.get(`/${id}/dublin-core`).set('accept', 'application/xml'), await reader.get(`/${id}/dublin-core.xml`)]) {
      expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(await validateOaiPmh(response.text, 'oai_dc')).toBe('valid');
    }
    const draft = await assetIn('draft', people, assetDraft(UNIT));
    expect((await reader.get(`/${draft}/dublin-core`)).status).toBe(404);
    expect((await assetsApi.anonymous.get(`/${id}/dublin-core`)).status).toBe(401);
  });
});
