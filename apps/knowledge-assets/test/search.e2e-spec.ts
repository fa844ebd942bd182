import type { Role } from '#ikm/auth';
import { apiClient, itAnswersEachWithAProblem, ServiceProcess, TEST_SERVICES, type BadInputCase, type PersonaClaims, type PersonaClient } from '#ikm/testing';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type request from 'supertest';
import { TAXONOMY_SCHEME_ID } from '../src/taxonomy/taxonomy.seed.js';
import { accessCases, CONTENT_SEEN_BY, RECORD_SEEN_BY, assetDraft, assetIn, transitionAsset, type AccessCase } from './factories.js';

/**
 * `GET /knowledge-assets/assets/search` on the running service (real PostgreSQL): stemming in English,
 * French and Spanish, the taxonomy's labels and narrower concepts, exact facets, access and embargo
 * over results and counts, bad input. Each block tags its assets with a subject of its own (a random
 * concept id) and filters on it, so that assets of other tests in the same database never count.
 */
const service = new ServiceProcess(TEST_SERVICES['knowledge-assets']);
const db = new pg.Pool({ connectionString: TEST_SERVICES['knowledge-assets'].databaseUrl, max: 2 });
const assetsApi = apiClient(service, { prefix: '/knowledge-assets/assets' });

const UNIT = `SEARCH-${randomUUID().slice(0, 8)}`;
const OTHER_UNIT = `ELSEWHERE-${randomUUID().slice(0, 8)}`;

const PEOPLE = {
  creator: { sub: 'cleo', roles: ['staff'], unit: OTHER_UNIT },
  unitOfficer: { sub: 'kim', roles: ['km_officer'], unit: UNIT },
  admin: { sub: 'ada', roles: ['ikmu_admin'] },
  unitStaff: { sub: 'uma', roles: ['staff'], unit: UNIT },
  otherStaff: { sub: 'sam', roles: ['staff'], unit: OTHER_UNIT },
  otherUnitOfficer: { sub: 'kurt', roles: ['km_officer'], unit: OTHER_UNIT },
  constituent: { sub: 'con', roles: ['constituent'], unit: UNIT },
  reporting: { sub: 'rep', roles: ['reporting'], unit: UNIT },
} satisfies Record<string, PersonaClaims & { sub: string; roles: Role[] }>;
type Who = keyof typeof PEOPLE;

const as = (who: Who): PersonaClient => {
  const { sub, roles, ...claims } = PEOPLE[who];
  return assetsApi.as(sub, roles as Role[], claims);
};

/** A published asset of the unit, created by cleo and published by kim; only what is given describes it (plus the factory's defaults). */
const published = (fields: object) => assetIn('published', { owner: as('creator'), publisher: as('unitOfficer') }, assetDraft(UNIT, fields));

/** A text-free record: the factory's title, abstract and keywords would match some queries. */
const plain = (title: Record<string, string>, extra: object = {}) => ({ title, abstract: {}, keywords: {}, ...extra });

const search = (who: Who, query: string): Promise<request.Response> => as(who).get(`/search?${query}`);
const idsOf = (response: request.Response): string[] => response.body.items.map((item: { id: string }) => item.id);

/** Concepts written straight into the taxonomy's tables (and removed after), so that no concept event leaves and other tests' counts stay. */
const concepts: string[] = [];
async function concept(prefLabel: Record<string, string>, altLabel: Record<string, string[]> = {}, broader?: string): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO concepts (id, scheme_id, pref_label, alt_label, version, created_at, updated_at) VALUES ($1, $2, $3, $4, 1, now(), now())`, [id, TAXONOMY_SCHEME_ID, prefLabel, altLabel]);
  if (broader) await db.query(`INSERT INTO concept_broader (concept_id, broader_id) VALUES ($1, $2)`, [id, broader]);
  concepts.unshift(id);
  return id;
}

beforeAll(() => service.start(), 60_000);

afterAll(async () => {
  await db.query(`DELETE FROM concept_broader WHERE concept_id = ANY($1) OR broader_id = ANY($1)`, [concepts]);
  await db.query(`DELETE FROM concepts WHERE id = ANY($1)`, [concepts]);
  await service.stop();
  await db.end();
});

describe('full text, each language with its own stemming', () => {
  const marker = randomUUID();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.english = await published(plain({ en: 'A migrant worker in agriculture' }, { subjects: [marker], languages: ['en'] }));
    ids.englishAbstract = await published(plain({ en: 'Seasonal harvests' }, { abstract: { en: 'What a worker earns during the harvest.' }, subjects: [marker] }));
    ids.french = await published(plain({ fr: 'Le travailleur migrant et la protection sociale' }, { subjects: [marker], languages: ['fr'] }));
    ids.spanish = await published(plain({ es: 'El trabajador rural y la inspección' }, { subjects: [marker], languages: ['es'] }));
    ids.keyword = await published(plain({ en: 'Harvest calendars' }, { keywords: { fr: ['travailleurs saisonniers'] }, subjects: [marker] }));
  });

  it('finds "workers" in English (title before abstract), "travailleurs" in French, "trabajadores" in Spanish', async () => {
    const english = await search('constituent', `q=workers&subject=${marker}`);
    expect(english.status).toBe(200);
    expect(idsOf(english)).toEqual([ids.english, ids.englishAbstract]);
    expect(english.body.items[0].relevance).toBeGreaterThan(english.body.items[1].relevance);
    expect(english.body.items[0].highlights.title).toEqual({ en: 'A migrant <mark>worker</mark> in agriculture' });
    expect(english.body.items[1].highlights.abstract).toEqual({ en: 'What a <mark>worker</mark> earns during the harvest' });

    const french = await search('constituent', `q=travailleurs&subject=${marker}`);
    expect(idsOf(french)).toEqual([ids.french, ids.keyword]);
    expect(french.body.items[0].highlights.title).toEqual({ fr: 'Le <mark>travailleur</mark> migrant et la protection sociale' });
    expect(french.body.items[1].highlights.keywords).toEqual({ fr: '<mark>travailleurs</mark> saisonniers' });

    expect(idsOf(await search('constituent', `q=trabajadores&subject=${marker}`))).toEqual([ids.spanish]);
  });

  it('analyses the query in the languages asked for only, with `lang`', async () => {
    // Spanish stems "trabajadores" and "trabajador" alike ('trabaj'); English leaves 'trabajador', which the index does not hold.
    expect(idsOf(await search('constituent', `q=trabajadores&lang=es&subject=${marker}`))).toEqual([ids.spanish]);
    expect(idsOf(await search('constituent', `q=trabajadores&lang=en&subject=${marker}`))).toEqual([]);
  });

  it('answers a query with no word (stop words only) with nothing rather than everything', async () => {
    const response = await search('constituent', `q=the&lang=en&subject=${marker}`);
    expect({ status: response.status, total: response.body.total }).toEqual({ status: 200, total: 0 });
  });
});

describe('the taxonomy: label matches and narrower subjects', () => {
  const word = `xylo${randomUUID().slice(0, 6)}`;
  const ids: Record<string, string> = {};
  let broad: string;
  let narrow: string;

  beforeAll(async () => {
    broad = await concept({ en: `${word} cooperatives` }, { fr: [`coopératives ${word}`] });
    narrow = await concept({ es: 'Cooperativas de vivienda' }, {}, broad);
    ids.broad = await published(plain({ en: 'Member-owned enterprises' }, { subjects: [broad] }));
    ids.narrow = await published(plain({ en: 'Housing' }, { subjects: [narrow] }));
    ids.text = await published(plain({ en: `The ${word} report` }, { subjects: [randomUUID()] }));
  });

  it('finds assets tagged with a concept whose label matches, or one narrower, beside those whose text does', async () => {
    const response = await search('constituent', `q=${word}`);
    expect(idsOf(response).sort()).toEqual([ids.broad, ids.narrow, ids.text].sort());
    // The title match ranks first; label matches carry no highlight.
    expect(response.body.items[0]).toMatchObject({ id: ids.text, highlights: { title: { en: `The <mark>${word}</mark> report` } } });
    expect(idsOf(await search('constituent', `q=${encodeURIComponent(`coopératives ${word}`)}`)).sort()).toEqual([ids.broad, ids.narrow].sort());
  });

  it("matches a label with the query analysed in the label's own language, not another language's stemming", async () => {
    // German stems 'workers' to 'work', the English stem of 'Working': only English analysis may decide on an English label.
    const working = await concept({ en: `Working ${word}` });
    const tagged = await published(plain({ en: 'Untitled' }, { subjects: [working] }));
    expect(idsOf(await search('constituent', `q=${encodeURIComponent(`working ${word}`)}&subject=${working}`))).toEqual([tagged]);
    expect(idsOf(await search('constituent', `q=${encodeURIComponent(`workers ${word}`)}&subject=${working}`))).toEqual([]);
  });

  it('filters on a subject with its narrower concepts', async () => {
    expect(idsOf(await search('constituent', `subject=${broad}`)).sort()).toEqual([ids.broad, ids.narrow].sort());
    expect(idsOf(await search('constituent', `subject=${narrow}`))).toEqual([ids.narrow]);
  });
});

describe('facets, filters and pages, exact on a known set', () => {
  const marker = randomUUID();
  const other = randomUUID();
  const ids: string[] = [];

  beforeAll(async () => {
    const common = { subjects: [marker], abstract: {}, keywords: {} };
    ids.push(await published({ ...common, type: 'dataset', title: { en: 'Wages one' }, regions: ['africa'], countries: ['KE'], languages: ['en'], dateIssued: '2023-05-01', source: null }));
    ids.push(await published({ ...common, type: 'dataset', title: { en: 'Wages two' }, regions: ['africa', 'americas'], countries: ['KE', 'BR'], languages: ['en', 'pt'], dateIssued: '2024-01-10', accessLevel: 'internal' }));
    ids.push(await published({ ...common, subjects: [marker, other], type: 'evaluation', title: { fr: 'Salaires trois' }, regions: ['europe_and_central_asia'], countries: ['FR'], languages: ['fr'], dateIssued: '2024-12-31', source: { platform: 'i_eval_discovery', identifier: 'x', url: null } }));
    ids.push(await published({ ...common, type: 'policy_brief', title: { es: 'Salarios cuatro' }, regions: [], countries: [], languages: ['es'], dateIssued: '1999-07-01' }));
  });

  const facetsOf = (response: request.Response) => response.body.facets;

  it('counts every facet over the results', async () => {
    const response = await search('otherStaff', `subject=${marker}`);
    expect(response.body.total).toBe(4);
    expect(facetsOf(response)).toEqual({
      type: [{ value: 'dataset', count: 2 }, { value: 'evaluation', count: 1 }, { value: 'policy_brief', count: 1 }],
      subject: [{ value: marker, count: 4 }, { value: other, count: 1 }],
      region: [{ value: 'africa', count: 2 }, { value: 'americas', count: 1 }, { value: 'europe_and_central_asia', count: 1 }],
      country: [{ value: 'KE', count: 2 }, { value: 'BR', count: 1 }, { value: 'FR', count: 1 }],
      language: [{ value: 'en', count: 2 }, { value: 'es', count: 1 }, { value: 'fr', count: 1 }, { value: 'pt', count: 1 }],
      source: [{ value: 'labordoc', count: 2 }, { value: 'i_eval_discovery', count: 1 }],
      year: [{ value: '2024', count: 2 }, { value: '1999', count: 1 }, { value: '2023', count: 1 }],
      accessLevel: [{ value: 'public', count: 3 }, { value: 'internal', count: 1 }],
    });
  });

  it('filters on any of the values given for a facet, all facets together, and on a date range', async () => {
    expect(idsOf(await search('otherStaff', `subject=${marker}&type=dataset&type=evaluation&country=KE`)).sort()).toEqual([ids[0], ids[1]].sort());
    expect(idsOf(await search('otherStaff', `subject=${marker}&year=2024&source=labordoc`))).toEqual([ids[1]]);
    expect(idsOf(await search('otherStaff', `subject=${marker}&language=fr&language=es`)).sort()).toEqual([ids[2], ids[3]].sort());
    expect(idsOf(await search('otherStaff', `subject=${marker}&region=americas&accessLevel=internal`))).toEqual([ids[1]]);
    expect(idsOf(await search('otherStaff', `subject=${marker}&issuedFrom=2023-06-01&issuedTo=2024-12-31`))).toEqual([ids[2], ids[1]]);
    const filtered = await search('otherStaff', `subject=${marker}&type=dataset`);
    expect(filtered.body.facets.type).toEqual([{ value: 'dataset', count: 2 }]);
  });

  it('sorts by date issued and pages with a cursor, without gaps or repeats', async () => {
    expect(idsOf(await search('otherStaff', `subject=${marker}&sort=newest`))).toEqual([ids[2], ids[1], ids[0], ids[3]]);
    for (const sort of ['oldest', 'relevance']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await search('otherStaff', `subject=${marker}&q=${encodeURIComponent('wages OR salaires OR salarios')}&sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.total).toBe(4);
        seen.push(...idsOf(page));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.slice().sort()).toEqual([...ids].sort());
      if (sort === 'oldest') expect(seen).toEqual([ids[3], ids[0], ids[1], ids[2]]);
    }
  });
});

/**
 * Access level and embargo in the query: each viewer finds exactly the records they may read, and the
 * counts agree; an embargoed abstract is neither matched, nor ranked, nor highlighted for those the
 * embargo holds for (a word in it finds nothing, its negation excludes nothing).
 */
describe('access: viewer x access level x embargo, on search results and facet counts', () => {
  const marker = randomUUID();
  const word = `quorx${randomUUID().slice(0, 6)}`;
  const secret = `zibble${randomUUID().slice(0, 6)}`;
  const CASES = accessCases(UNIT, OTHER_UNIT);
  type Case = AccessCase;
  const ids = {} as Record<Case, string>;
  const RECORDS: Record<Who, Case[]> = RECORD_SEEN_BY;
  const CONTENT: Record<Who, Case[]> = CONTENT_SEEN_BY;
  const named = (response: request.Response) => {
    const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return idsOf(response).map((id) => byId[id]).sort();
  };

  beforeAll(async () => {
    for (const [name, access] of Object.entries(CASES) as Array<[Case, object]>) {
      ids[name] = await published(plain({ en: `The ${word} survey` }, { ...access, abstract: { en: `Findings on ${secret} in five countries.` }, subjects: [marker] }));
    }
    // A draft and a superseded version are never search results, even for their owners.
    await assetIn('draft', { owner: as('creator'), publisher: as('unitOfficer') }, assetDraft(UNIT, plain({ en: `The ${word} draft` }, { subjects: [marker] })));
  });

  it.each(Object.keys(RECORDS) as Who[])('%s finds exactly the records they may, and counts only those', async (who) => {
    const response = await search(who, `q=${word}&subject=${marker}&limit=100`);
    expect(response.status).toBe(200);
    expect(named(response)).toEqual([...RECORDS[who]].sort());
    expect(response.body.total).toBe(RECORDS[who].length);
    const levels = Object.fromEntries(response.body.facets.accessLevel.map((facet: { value: string; count: number }) => [facet.value, facet.count]));
    const expected: Record<string, number> = {};
    for (const name of RECORDS[who]) expected[CASES[name].accessLevel] = (expected[CASES[name].accessLevel] ?? 0) + 1;
    expect(levels).toEqual(expected);
  });

  it.each(Object.keys(RECORDS) as Who[])('%s matches and sees highlighted only the abstracts whose content they may see', async (who) => {
    const inAbstract = await search(who, `q=${secret}&subject=${marker}&limit=100`);
    expect(inAbstract.status).toBe(200);
    expect({ found: named(inAbstract), total: inAbstract.body.total }).toEqual({ found: [...CONTENT[who]].sort(), total: CONTENT[who].length });
    // Either word: every record, the abstract's passage highlighted only where the content is visible.
    const either = await search(who, `q=${encodeURIComponent(`${word} OR ${secret}`)}&subject=${marker}&limit=100`);
    const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    const highlighted = (either.body.items as Array<{ id: string; highlights: { abstract: Record<string, string> } }>).filter((hit) => Object.keys(hit.highlights.abstract).length > 0);
    expect(highlighted.map((hit) => byId[hit.id]).sort()).toEqual([...CONTENT[who]].sort());
    expect(named(either)).toEqual([...RECORDS[who]].sort());
    // Excluding the word: the embargoed abstracts hold it, which must show neither way.
    const without = await search(who, `q=${encodeURIComponent(`${word} -${secret}`)}&subject=${marker}&limit=100`);
    expect(named(without)).toEqual(RECORDS[who].filter((name) => !CONTENT[who].includes(name)).sort());
  });
});

describe('the search table follows every write of a version (the trigger on asset_versions)', () => {
  const marker = randomUUID();

  it('finds a version once published, its successor instead once that is published, nothing once retired', async () => {
    const id = await assetIn('revising', { owner: as('creator'), publisher: as('unitOfficer') }, assetDraft(UNIT, plain({ en: 'Tea pickers and their cooperatives' }, { subjects: [marker] })));
    expect((await as('creator').patch(`/${id}`, { title: { en: 'Coffee growers and their cooperatives' } })).status).toBe(200);
    // The second version is a draft: still the first one is found, and only it.
    expect(idsOf(await search('otherStaff', `q=pickers&subject=${marker}`))).toEqual([id]);
    expect((await search('otherStaff', `q=growers&subject=${marker}`)).body.total).toBe(0);

    await transitionAsset(as('creator'), id, 'in_review');
    await transitionAsset(as('unitOfficer'), id, 'published');
    expect((await search('otherStaff', `q=pickers&subject=${marker}`)).body.total).toBe(0);
    const second = await search('otherStaff', `q=growers&subject=${marker}`);
    expect(second.body).toMatchObject({ total: 1, items: [{ id, versionNumber: 2 }] });

    await transitionAsset(as('unitOfficer'), id, 'retired', 'Replaced by the 2027 edition.');
    expect((await search('otherStaff', `subject=${marker}`)).body.total).toBe(0);
  });

  it('follows a write made by any other path than the repository (here plain SQL), facets included', async () => {
    const id = await published(plain({ en: 'Fisheries observers at sea' }, { subjects: [marker], accessLevel: 'public', type: 'toolkit' }));
    await db.query(`UPDATE asset_versions SET access_level = 'internal', type = 'dataset' WHERE asset_id = $1`, [id]);
    expect((await search('constituent', `q=fisheries&subject=${marker}`)).body.total).toBe(0);
    const staff = await search('otherStaff', `q=fisheries&subject=${marker}`);
    expect(staff.body).toMatchObject({ total: 1, items: [{ id, accessLevel: 'internal', type: 'dataset' }] });
    expect(staff.body.facets.type).toEqual([{ value: 'dataset', count: 1 }]);
    expect(staff.body.facets.accessLevel).toEqual([{ value: 'internal', count: 1 }]);
  });
});

describe('bad input: a 400 problem naming the parameter', () => {
  const cursor = (key: unknown) => Buffer.from(JSON.stringify({ key, id: randomUUID() })).toString('base64url');
  const cases: BadInputCase[] = [
    ['an empty q', () => search('otherStaff', 'q='), 400, 'q'],
    ['a q of 501 characters', () => search('otherStaff', `q=${'a'.repeat(501)}`), 400, 'q'],
    ['a NUL in q', () => search('otherStaff', 'q=a%00b'), 400, 'q'],
    ['an unknown lang', () => search('otherStaff', 'q=work&lang=klingon'), 400, 'lang'],
    ['an unknown sort', () => search('otherStaff', 'sort=popularity'), 400, 'sort'],
    ['an unknown type among known ones', () => search('otherStaff', 'type=dataset&type=blog_post'), 400, 'type'],
    ['a subject that is no id', () => search('otherStaff', 'subject=labour'), 400, 'subject'],
    ['an unknown region', () => search('otherStaff', 'region=oceania'), 400, 'region'],
    ['a country that is no ISO code', () => search('otherStaff', 'country=XX'), 400, 'country'],
    ['an unknown language', () => search('otherStaff', 'language=zz'), 400, 'language'],
    ['an unknown source', () => search('otherStaff', 'source=google'), 400, 'source'],
    ['a year that is no number', () => search('otherStaff', 'year=recent'), 400, 'year'],
    ['a year before 1900', () => search('otherStaff', 'year=1066'), 400, 'year'],
    ['an unknown access level', () => search('otherStaff', 'accessLevel=secret'), 400, 'accessLevel'],
    ['a date range from 30 February', () => search('otherStaff', 'issuedFrom=2027-02-30'), 400, 'issuedFrom'],
    ['a date range to a date-time', () => search('otherStaff', 'issuedTo=2027-01-01T00:00:00Z'), 400, 'issuedTo'],
    ['51 values for one facet', () => search('otherStaff', Array.from({ length: 51 }, () => 'type=dataset').join('&')), 400, 'type'],
    ['a limit of 0', () => search('otherStaff', 'limit=0'), 400, 'limit'],
    ['a cursor that is garbage', () => search('otherStaff', 'cursor=not-a-cursor'), 400, 'cursor'],
    ['a cursor of a timestamp sort', () => search('otherStaff', `sort=newest&cursor=${cursor('2026-01-01T00:00:00Z')}`), 400, 'cursor'],
    ['an unknown parameter', () => search('otherStaff', 'status=draft'), 400, 'status'],
  ];
  itAnswersEachWithAProblem(cases);
});
