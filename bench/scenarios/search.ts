import { createServiceDataSource } from '#ikm/persistence';
import { runMigrations } from '../../scripts/platform.js';
import { knowledgeAssetsDataSourceOptions } from '../../apps/knowledge-assets/src/data-source.js';
import { SearchRepository, type SearchCriteria } from '../../apps/knowledge-assets/src/search/search.repository.js';
import { BENCH, dbUrl, TARGETS } from '../config.js';
import { withClient } from '../db.js';
import { recreateDatabase } from '../processes.js';
import type { Row } from '../report.js';

/**
 * Scenario 6, search: 100,000 published assets in six languages generated straight into a fresh
 * knowledge-assets database (one INSERT ... SELECT; PostgreSQL computes the search document and, by
 * its trigger, the search table's rows as they go in), then each query class run sequentially through the very repository the endpoint
 * calls (the SQL, its visibility condition, facets and highlights; not the HTTP hop), and beside it the
 * baseline: the same words on a plain GIN index over one English text column, a page by date and a
 * total count, without languages, access, taxonomy or facets.
 */
const WORDS: Record<string, { common: string[]; selective: string[]; filler: string[] }> = {
  en: { common: ['workers', 'employment', 'social'], selective: ['ratification', 'apprenticeship'], filler: ['policy', 'report', 'country', 'data', 'review', 'local', 'rural', 'women', 'youth', 'skills', 'wages', 'market', 'safety', 'health', 'reform'] },
  fr: { common: ['travailleurs', 'emploi', 'sociale'], selective: ['ratification', 'apprentissage'], filler: ['politique', 'rapport', 'pays', 'données', 'examen', 'locale', 'rurale', 'femmes', 'jeunes', 'compétences', 'salaires', 'marché', 'sécurité', 'santé', 'réforme'] },
  es: { common: ['trabajadores', 'empleo', 'social'], selective: ['ratificación', 'aprendizaje'], filler: ['política', 'informe', 'país', 'datos', 'examen', 'local', 'rural', 'mujeres', 'jóvenes', 'competencias', 'salarios', 'mercado', 'seguridad', 'salud', 'reforma'] },
  de: { common: ['arbeitnehmer', 'beschäftigung', 'sozial'], selective: ['ratifizierung', 'lehrlingsausbildung'], filler: ['politik', 'bericht', 'land', 'daten', 'prüfung', 'lokal', 'ländlich', 'frauen', 'jugend', 'fähigkeiten', 'löhne', 'markt', 'sicherheit', 'gesundheit', 'reform'] },
  pt: { common: ['trabalhadores', 'emprego', 'social'], selective: ['ratificação', 'aprendizagem'], filler: ['política', 'relatório', 'país', 'dados', 'revisão', 'local', 'rural', 'mulheres', 'jovens', 'competências', 'salários', 'mercado', 'segurança', 'saúde', 'reforma'] },
  sw: { common: ['wafanyakazi', 'ajira', 'jamii'], selective: ['uidhinishaji', 'uanagenzi'], filler: ['sera', 'ripoti', 'nchi', 'takwimu', 'mapitio', 'mtaa', 'vijijini', 'wanawake', 'vijana', 'ujuzi', 'mishahara', 'soko', 'usalama', 'afya', 'mageuzi'] },
};
const ASSETS = 100_000;
const RUNS = 200;
const TYPES = ['publication', 'dataset', 'evaluation', 'policy_brief', 'good_practice', 'lesson_learned', 'toolkit', 'course_material', 'meeting_report', 'foresight_signal'];
const REGIONS = ['africa', 'americas', 'arab_states', 'asia_and_the_pacific', 'europe_and_central_asia'];
const COUNTRIES = ['KE', 'BR', 'FR', 'IN', 'PH', 'ZA', 'MX', 'DE', 'EG', 'ID', 'CO', 'NG', 'BD', 'TR', 'PE'];
const SOURCES = ['labordoc', 'knowledge_gateway', 'development_cooperation', 'i_eval_discovery', 'decent_work_results', 'internal'];
const UNITS = ['RESEARCH', 'SKILLS', 'STATISTICS', 'SOCPRO', 'NORMES'];

const sqlArray = (values: string[]) => `ARRAY[${values.map((value) => `'${value}'`).join(',')}]`;

/**
 * Titles of 6 words, abstracts of 60 and 3 keywords, in one or two languages. A common word is in
 * about a quarter of its language's texts; a selective word in about 0.3 %. A fifth of the assets are
 * internal, a twentieth restricted, a fiftieth under embargo.
 */
async function generate(url: string): Promise<void> {
  const languages = Object.keys(WORDS);
  const vocabulary = (language: string, kind: 'common' | 'selective' | 'filler') => sqlArray(WORDS[language]![kind]);
  const pick = (array: string) => `(${array})[1 + floor(random() * array_length(${array}, 1))::int]`;
  // One text of n words in a language: each word filler, one of the common words (p=0.01 per word), or a selective word (p=0.0001).
  const text = (language: string, words: number) => `(SELECT string_agg(CASE WHEN r < 0.0001 THEN ${pick(vocabulary(language, 'selective'))} WHEN r < 0.01 THEN ${pick(vocabulary(language, 'common'))} ELSE ${pick(vocabulary(language, 'filler'))} END, ' ')
      FROM (SELECT random() AS r, g FROM generate_series(1, ${words} + (a.n % 2)) g) w)`;
  const map = (words: number) => `jsonb_build_object(${languages.map((language) => `'${language}', ${text(language, words)}`).join(', ')})`;
  await withClient(url, async (client) => {
    await client.query(`SET synchronous_commit = off`);
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM concepts`);
    const concepts = sqlArray(rows.map((row) => row.id));
    await client.query(`INSERT INTO assets (id, revision, created_at, updated_at) SELECT gen_random_uuid(), 3, now(), now() FROM generate_series(1, ${ASSETS})`);
    // Each asset keeps the languages (one, or two a third of the time) of its own draw: the others are removed from the maps.
    await client.query(`
      INSERT INTO asset_versions (id, asset_id, number, status, type, title, abstract, keywords, creators, owner_ids, publishing_unit, date_issued, languages, subjects, countries, regions,
                                  source, access_level, restricted_to_units, embargo_until, created_by, created_at, updated_at, published_at)
      SELECT gen_random_uuid(), a.id, 1, 'published', ${pick(sqlArray(TYPES))},
             (SELECT jsonb_object_agg(key, value) FROM jsonb_each(t.title) WHERE key = ANY(a.langs)),
             (SELECT jsonb_object_agg(key, value) FROM jsonb_each(t.abstract) WHERE key = ANY(a.langs)),
             (SELECT jsonb_object_agg(key, to_jsonb(string_to_array(value #>> '{}', ' '))) FROM jsonb_each(t.keywords) WHERE key = ANY(a.langs)),
             '[]', ARRAY['owner-' || (a.n % 1000)], a.unit, date '2000-01-01' + (a.n * 7919 % 9000)::int, a.langs,
             ARRAY[${pick(concepts)}, ${pick(concepts)}], ARRAY[${pick(sqlArray(COUNTRIES))}], ARRAY[${pick(sqlArray(REGIONS))}],
             jsonb_build_object('platform', ${pick(sqlArray(SOURCES))}, 'identifier', a.n::text, 'url', NULL),
             CASE WHEN a.n % 20 = 0 THEN 'restricted' WHEN a.n % 5 = 0 THEN 'internal' ELSE 'public' END,
             CASE WHEN a.n % 20 = 0 THEN ARRAY[a.unit] ELSE '{}' END,
             CASE WHEN a.n % 50 = 1 THEN date '2999-01-01' END,
             'bench', now(), now(), now()
        FROM (SELECT id, row_number() OVER () AS n FROM assets) r,
             LATERAL (SELECT r.id, r.n, ${pick(sqlArray(UNITS))} AS unit,
                             CASE WHEN random() < 0.33 THEN ARRAY[${pick(sqlArray(languages))}, ${pick(sqlArray(languages))}] ELSE ARRAY[${pick(sqlArray(languages))}] END AS langs) a,
             LATERAL (SELECT ${map(6)} AS title, ${map(60)} AS abstract, ${map(3)} AS keywords) t`);
    // The baseline's plain GIN index: one English text per asset, as a single-language search would keep it.
    await client.query(`CREATE TABLE baseline_assets AS SELECT id, date_issued, concat_ws(' ', title->>'en', abstract->>'en', title->>'fr', abstract->>'fr') AS body FROM asset_versions`);
    await client.query(`CREATE INDEX baseline_assets_body ON baseline_assets USING gin (to_tsvector('english', body))`);
    await client.query(`VACUUM ANALYZE asset_versions`);
    await client.query(`VACUUM ANALYZE asset_search`);
    await client.query(`VACUUM ANALYZE baseline_assets`);
  });
}

interface QueryClass {
  name: string;
  criteria: Omit<SearchCriteria, 'viewer' | 'limit' | 'sort'> & { sort?: SearchCriteria['sort'] };
  /** The same words for the baseline. */
  baseline: string;
}

const CLASSES: QueryClass[] = [
  { name: 'selective term', criteria: { text: 'ratification' }, baseline: 'ratification' },
  { name: 'common term', criteria: { text: 'workers' }, baseline: 'workers' },
  { name: 'common term in French', criteria: { text: 'travailleurs' }, baseline: 'travailleurs' },
  { name: 'two common terms', criteria: { text: 'social employment' }, baseline: 'social employment' },
  { name: 'common term, filtered (type, years, region)', criteria: { text: 'workers', type: ['dataset', 'evaluation'], year: [2020, 2021, 2022], region: ['africa'] }, baseline: 'workers' },
  { name: 'common term, newest first', criteria: { text: 'workers', sort: 'newest' }, baseline: 'workers' },
  { name: 'subject label (taxonomy)', criteria: { text: 'forced labour' }, baseline: 'forced labour' },
  { name: 'no text, subject filter with narrower', criteria: { subject: [] }, baseline: 'workers' },
];

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.ceil(sorted.length * 0.95) - 1]! * 100) / 100;
}

async function timed(runs: number, query: () => Promise<unknown>): Promise<number[]> {
  for (let warmup = 0; warmup < 10; warmup++) await query();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await query();
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function searchScenario(): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const url = dbUrl(BENCH.knowledgeAssetsDb);
  // BENCH_REUSE_SEARCH_DATA=1 keeps the assets a previous run generated (new migrations are applied to
  // them): two versions of the search compared on the same data, without the generation's minute or two.
  const reuse = process.env.BENCH_REUSE_SEARCH_DATA === '1' && (await generatedAssets(url)) === ASSETS;
  if (!reuse) await recreateDatabase(BENCH.knowledgeAssetsDb);
  runMigrations('knowledge-assets', { DATABASE_URL: url, LOG_LEVEL: 'warn' });
  const started = performance.now();
  if (reuse) await withClient(url, (client) => client.query(`VACUUM ANALYZE`));
  else await generate(url);
  const generationSeconds = reuse ? null : Math.round((performance.now() - started) / 100) / 10;

  const dataSource = createServiceDataSource(knowledgeAssetsDataSourceOptions(url));
  await dataSource.initialize();
  const repository = new SearchRepository(dataSource);
  const [{ id: employment }] = await dataSource.query(`SELECT id FROM concepts WHERE pref_label->>'en' = 'Employment promotion'`);
  const rows: Row[] = [];
  const details: Record<string, unknown> = { assets: ASSETS, runsPerClass: RUNS, generationSeconds, classes: {} };
  // A staff member of one unit: reads public and internal assets and those restricted to the unit, not the embargoed ones.
  const viewer = { userId: 'bench-staff', roles: ['staff' as const], unit: 'SKILLS' };
  try {
    for (const queryClass of CLASSES) {
      const criteria: SearchCriteria = { viewer, limit: 20, sort: queryClass.criteria.text ? 'relevance' : 'newest', ...queryClass.criteria };
      if (criteria.subject) criteria.subject = [employment];
      const result = await repository.search(criteria);
      const platform = await timed(RUNS, () => repository.search(criteria));
      const baseline = await withClient(url, (client) =>
        timed(RUNS, () =>
          client.query(
            `SELECT (SELECT count(*) FROM baseline_assets WHERE to_tsvector('english', body) @@ plainto_tsquery('english', $1)) AS total,
                    (SELECT json_agg(id) FROM (SELECT id FROM baseline_assets WHERE to_tsvector('english', body) @@ plainto_tsquery('english', $1) ORDER BY date_issued DESC, id DESC LIMIT 20) page) AS page`,
            [queryClass.baseline],
          ),
        ),
      );
      (details.classes as Record<string, unknown>)[queryClass.name] = { total: result.total, platformP50: median(platform), baselineP50: median(baseline) };
      rows.push({ scenario: 'search', metric: `p95 (${queryClass.name}; ${result.total} results)`, unit: 'ms', platform: p95(platform), baseline: p95(baseline), target: { max: TARGETS.searchP95Ms } });
    }
  } finally {
    await dataSource.destroy();
  }
  return { rows, details };
}

/** The published assets of an earlier run's database; 0 when there is none. */
async function generatedAssets(url: string): Promise<number> {
  try {
    return await withClient(url, async (client) => Number((await client.query(`SELECT count(*) FROM asset_versions WHERE status = 'published'`)).rows[0].count));
  } catch {
    return 0;
  }
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 100) / 100;
}
