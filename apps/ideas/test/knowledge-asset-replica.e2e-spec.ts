import { KnowledgeAssetPublishedV1, KnowledgeAssetRetiredV1, KnowledgeAssetUpdatedV1, type EventData } from '#ikm/contracts';
import { createServiceDataSource, ensureDatabaseExists } from '#ikm/persistence';
import { dropDatabase, testDatabase } from '#ikm/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ideasDataSourceOptions } from '../src/data-source.js';
import { KNOWLEDGE_ASSETS_REPLICA } from '../src/knowledge-asset/knowledge-asset.replica.js';
import { SimilarWorkRepository, type SimilarWorkQuery } from '../src/similar-work/similar-work.repository.js';

/**
 * Ideas' knowledge asset replica (libs/replica) on the real ideas schema: events applied out of order
 * or twice never roll a newer row back, and the search columns the table now generates rank similar
 * work exactly as the columns the code used to compute did.
 */
const url = testDatabase('ikm_ideas_replica_test');
const options = ideasDataSourceOptions(url);
const LAST_BEFORE_GENERATED_SEARCH = 'CreateIdempotencyKeys1764250000000';
let dataSource: DataSource;

type AssetState = EventData<typeof KnowledgeAssetPublishedV1>;

function published(assetId: string, version: number, title: Record<string, string>, extra: Partial<AssetState> = {}) {
  const data: AssetState = {
    assetId,
    version,
    type: 'good_practice',
    title,
    abstract: { en: 'Offices translate the same texts again and again', es: 'Memoria compartida de traducciones' },
    subjects: ['translation', 'knowledge-sharing'],
    languages: ['en', 'es'],
    accessLevel: 'public',
    url: null,
    publishedAt: new Date().toISOString(),
    ...extra,
  };
  return { type: KnowledgeAssetPublishedV1.type, data };
}

function updated(assetId: string, version: number, title: Record<string, string>) {
  const { publishedAt: _, ...state } = published(assetId, version, title).data;
  return { type: KnowledgeAssetUpdatedV1.type, data: { ...state, updatedAt: new Date().toISOString() } satisfies EventData<typeof KnowledgeAssetUpdatedV1> };
}

function retired(assetId: string, version: number) {
  return { type: KnowledgeAssetRetiredV1.type, data: { assetId, version, retiredAt: new Date().toISOString() } };
}

function apply(event: { type: string; data: unknown }): Promise<boolean> {
  return dataSource.transaction((manager) => KNOWLEDGE_ASSETS_REPLICA.apply(manager, event));
}

async function rowOf(assetId: string) {
  const [row] = await dataSource.query(`SELECT version, title, retired FROM knowledge_assets WHERE asset_id = $1`, [assetId]);
  return row as { version: number; title: Record<string, string>; retired: boolean } | undefined;
}

const idea = { title: 'Shared translation memory for all offices', text: 'Offices translate the same texts again and again; one memory would save work' };
const STAFF = { roles: ['staff'], unit: 'DIALOGUE' } satisfies SimilarWorkQuery['viewer'];

async function assetScores(viewer: SimilarWorkQuery['viewer'] = STAFF): Promise<Record<string, number>> {
  const found = await new SimilarWorkRepository().find(dataSource.manager, { ...idea, viewer });
  return Object.fromEntries(found.knowledgeAssets.map((asset) => [asset.id, asset.score]));
}

describe('the knowledge asset replica', () => {
  const before = randomUUID();
  let scoresBefore: Record<string, number>;

  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabaseExists(url);
    // The schema as it was, with an asset written the way the code used to compute its search columns.
    const upTo = options.migrations.findIndex((migration) => migration.name === LAST_BEFORE_GENERATED_SEARCH);
    const old = createServiceDataSource({ ...options, migrations: options.migrations.slice(0, upTo + 1) });
    await old.initialize();
    await old.runMigrations();
    await old.query(
      `INSERT INTO knowledge_assets (asset_id, version, type, title, abstract, subjects, languages, access_level, url, retired, title_text, search)
       VALUES ($1, 1, 'good_practice', $2, $3, $4, '{en}', 'public', NULL, false, $5,
               setweight(to_tsvector('simple', $5), 'A') || setweight(to_tsvector('simple', $6), 'B') ||
               setweight(to_tsvector('simple', array_to_string($4::text[], ' ')), 'C'))`,
      [
        before,
        JSON.stringify({ fr: 'Mémoire de traduction partagée', en: 'Shared translation memory' }),
        JSON.stringify({ en: 'Offices translate the same texts again and again', es: 'Memoria compartida de traducciones' }),
        ['translation', 'knowledge-sharing'],
        'Mémoire de traduction partagée Shared translation memory',
        'Offices translate the same texts again and again Memoria compartida de traducciones',
      ],
    );
    dataSource = old;
    // The access columns came later still: present for the query (with what older rows hold), then gone again for the migrations.
    await old.query(`ALTER TABLE knowledge_assets ADD COLUMN restricted_to_units text[] NOT NULL DEFAULT '{}', ADD COLUMN embargo_until date`);
    scoresBefore = await assetScores();
    await old.query(`ALTER TABLE knowledge_assets DROP COLUMN restricted_to_units, DROP COLUMN embargo_until`);
    await old.destroy();

    dataSource = createServiceDataSource(options);
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('ranks similar work as before: the generated search columns score an asset as the computed ones did', async () => {
    expect(scoresBefore[before]).toBeGreaterThan(0.15);
    const replicated = randomUUID();
    await apply(published(replicated, 1, { fr: 'Mémoire de traduction partagée', en: 'Shared translation memory' }));
    const scores = await assetScores();
    expect(scores[before]).toBe(scoresBefore[before]);
    expect(scores[replicated]).toBe(scoresBefore[before]);
  });

  it('applies a newer version, and never lets an older or duplicate event roll it back', async () => {
    const assetId = randomUUID();
    expect(await apply(published(assetId, 1, { en: 'First title' }))).toBe(true);
    expect(await apply(updated(assetId, 3, { en: 'Third title' }))).toBe(true);
    expect(await apply(updated(assetId, 2, { en: 'Second title, late' }))).toBe(false);
    expect(await apply(updated(assetId, 3, { en: 'Third title, replayed differently' }))).toBe(false);
    expect(await apply(published(assetId, 1, { en: 'First title' }))).toBe(false);
    expect(await rowOf(assetId)).toEqual({ version: 3, title: { en: 'Third title' }, retired: false });
    const [search] = await dataSource.query(`SELECT title_text FROM knowledge_assets WHERE asset_id = $1`, [assetId]);
    expect(search.title_text).toBe('Third title');
  });

  it('retires only from a newer version: a late retirement does not hide a newer state, and a stale update does not revive', async () => {
    const assetId = randomUUID();
    await apply(published(assetId, 1, { en: 'To be retired' }));
    await apply(updated(assetId, 3, { en: 'Corrected' }));
    expect(await apply(retired(assetId, 2))).toBe(false);
    expect(await rowOf(assetId)).toEqual({ version: 3, title: { en: 'Corrected' }, retired: false });
    expect(await apply(retired(assetId, 4))).toBe(true);
    expect(await apply(updated(assetId, 3, { en: 'Corrected again, late' }))).toBe(false);
    expect(await rowOf(assetId)).toEqual({ version: 4, title: { en: 'Corrected' }, retired: true });
  });

  it('ignores a retirement of an asset it never saw', async () => {
    const assetId = randomUUID();
    expect(await apply(retired(assetId, 2))).toBe(false);
    expect(await rowOf(assetId)).toBeUndefined();
  });

  it('shows each viewer only the assets that viewer may read', async () => {
    // The idea's own title: these rank above the assets of the tests before, within similar work's five.
    const title = { en: idea.title };
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const assets = {
      public: randomUUID(),
      internal: randomUUID(),
      dialogueOnly: randomUUID(),
      communityOnly: randomUUID(),
      embargoed: randomUUID(),
    };
    await apply(published(assets.public, 1, title));
    await apply(published(assets.internal, 1, title, { accessLevel: 'internal' }));
    await apply(published(assets.dialogueOnly, 1, title, { accessLevel: 'restricted', restrictedToUnits: ['DIALOGUE'] }));
    await apply(published(assets.communityOnly, 1, title, { accessLevel: 'restricted', restrictedToUnits: [], restrictedToCommunities: [randomUUID()] }));
    await apply(published(assets.embargoed, 1, title, { embargoUntil: tomorrow }));
    const seenBy = async (viewer: SimilarWorkQuery['viewer']) => {
      const scores = await assetScores(viewer);
      return Object.entries(assets)
        .filter(([, id]) => id in scores)
        .map(([name]) => name);
    };
    // An embargo hides the content, not the record: the title shows to whoever may read the record.
    expect(await seenBy({ roles: ['staff'], unit: 'DIALOGUE' })).toEqual(['public', 'internal', 'dialogueOnly', 'embargoed']);
    expect(await seenBy({ roles: ['reviewer'], unit: 'STATISTICS' })).toEqual(['public', 'internal', 'embargoed']);
    expect(await seenBy({ roles: ['constituent'], unit: 'DIALOGUE' })).toEqual(['public', 'embargoed']);
    expect(await seenBy({ roles: ['reporting'] })).toEqual(['public', 'embargoed']);
    // Access changed on the published asset: the next event says so, and similar work follows.
    await apply(updated(assets.dialogueOnly, 2, title));
    expect(await seenBy({ roles: ['constituent'], unit: 'DIALOGUE' })).toEqual(['public', 'dialogueOnly', 'embargoed']);
  });

  it('matches and ranks an embargoed asset on its title, never on its abstract, until the embargo is over', async () => {
    const words = `quillet${randomUUID().slice(0, 6)} varnobric${randomUUID().slice(0, 6)} plenwort${randomUUID().slice(0, 6)}`;
    const title = { en: `Ledger of ${words}` };
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const assets = { open: randomUUID(), embargoed: randomUUID(), embargoOver: randomUUID(), withoutAbstract: randomUUID() };
    await apply(published(assets.open, 1, title, { abstract: { en: words } }));
    await apply(published(assets.embargoed, 1, title, { abstract: { en: words }, embargoUntil: tomorrow }));
    await apply(published(assets.embargoOver, 1, title, { abstract: { en: words }, embargoUntil: '2020-01-01' }));
    await apply(published(assets.withoutAbstract, 1, title, { abstract: { en: 'Annual report on unrelated matters' } }));
    const found = await new SimilarWorkRepository().find(dataSource.manager, { title: title.en, text: words, viewer: STAFF });
    const score = Object.fromEntries(found.knowledgeAssets.map((asset) => [asset.id, asset.score]));
    // Found on its title, ranked as if it had no abstract; its abstract counts once the embargo is over.
    expect(score[assets.embargoed]).toBe(score[assets.withoutAbstract]);
    expect(score[assets.embargoOver]).toBe(score[assets.open]);
    expect(score[assets.open]).toBeGreaterThan(score[assets.withoutAbstract]);
  });
});
