import { Injectable } from '@nestjs/common';
import type { AccessLevel, AssetStatus, AssetType, IloRegion } from '#ikm/contracts';
import { afterCursor, keysetOrder, pageOf, rowsToFetch, WhereClause, type KeysetSort, type Page } from '#ikm/pagination';
import { queryPrepared } from '#ikm/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { uploadedFilesOf } from '../file/asset-file.repository.js';
import { readableReferences } from '../foresight/foresight-visibility.js';
import { contentVisibleTo, recordVisibleTo } from './asset-visibility.js';
import { Asset, AssetVersion, type Actor } from './asset.entity.js';
import { AssetError } from './asset.errors.js';

export const ASSET_SORTS = ['recently_updated', 'newest', 'oldest'] as const;
export type AssetSort = (typeof ASSET_SORTS)[number];

export interface AssetListFilter {
  viewer: Actor;
  limit: number;
  cursor?: string;
  sort: AssetSort;
  type?: AssetType;
  status?: AssetStatus;
  unit?: string;
  language?: string;
  country?: string;
  region?: IloRegion;
  subject?: string;
  accessLevel?: AccessLevel;
  /** Only assets the viewer is a creator of. */
  mine?: boolean;
}

/** Each sort over the versions listed (alias `a`): the column, then the version id. */
const SORTS: Record<AssetSort, KeysetSort<AssetVersion>> = {
  recently_updated: { column: 'a."updatedAt"', idColumn: 'a.id', direction: 'DESC', keyKind: 'timestamp', keyOf: (version) => version.updatedAt.toISOString() },
  newest: { column: 'a."createdAt"', idColumn: 'a.id', direction: 'DESC', keyKind: 'timestamp', keyOf: (version) => version.createdAt.toISOString() },
  oldest: { column: 'a."createdAt"', idColumn: 'a.id', direction: 'ASC', keyKind: 'timestamp', keyOf: (version) => version.createdAt.toISOString() },
};

/**
 * Reads and writes assets and their versions; every read of versions goes through the record visibility
 * condition, and says whether the viewer may see its content (`contentEmbargoed`).
 */
@Injectable()
export class AssetRepository {
  /** Columns as entity properties, and the asset's revision and capture source; dates as `YYYY-MM-DD` text (pg would make them local-time Dates). */
  private readonly selectList: string;

  constructor(private readonly dataSource: DataSource) {
    this.selectList = dataSource
      .getMetadata(AssetVersion)
      .columns.map<string>((column) =>
        column.type === 'date'
          ? `to_char(v."${column.databaseName}", 'YYYY-MM-DD') AS "${column.propertyName}"`
          : `v."${column.databaseName}" AS "${column.propertyName}"`,
      )
      .concat('r.revision AS "revision"', 'r.captured_from AS "capturedFrom"')
      .join(', ');
  }

  async insert(manager: EntityManager, asset: Asset, version: AssetVersion): Promise<void> {
    await manager.insert(Asset, asset);
    await this.insertVersion(manager, version);
  }

  async insertVersion(manager: EntityManager, version: AssetVersion): Promise<void> {
    await manager.insert(AssetVersion, version);
  }

  async save(manager: EntityManager, asset: Asset, ...versions: AssetVersion[]): Promise<void> {
    await manager.save(Asset, asset);
    for (const version of versions) await manager.save(AssetVersion, version);
  }

  /** Locks the asset for the rest of the transaction, so changes to its versions apply one after the other. */
  async lock(manager: EntityManager, id: string): Promise<Asset> {
    const asset = await manager.findOne(Asset, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!asset) throw AssetError.notFound(id);
    return asset;
  }

  /** The versions of an asset the viewer may see, oldest first; none when the asset is not visible at all. */
  async visibleVersions(manager: EntityManager, assetId: string, viewer: Actor): Promise<AssetVersion[]> {
    const where = new WhereClause();
    where.add((id) => `v.asset_id = ${id}`, assetId);
    where.add(() => recordVisibleTo(viewer, where));
    const rows = await queryPrepared<Partial<AssetVersion>>(manager, { text: `SELECT ${this.selectList}, ${contentEmbargoed(viewer, where)}, ${readableReferences(viewer, where)}, ${uploadedFilesOf('v')} FROM asset_versions v JOIN assets r ON r.id = v.asset_id WHERE ${where.sql()} ORDER BY v.number` }, where.values);
    return rows.map(hydrate);
  }

  /**
   * Versions by id, with their uploaded files, for no viewer: only for a caller whose own query already
   * chose what may be shown (the OAI-PMH provider's public items).
   */
  async versionsById(manager: EntityManager, ids: readonly string[]): Promise<AssetVersion[]> {
    if (ids.length === 0) return [];
    const rows = await queryPrepared<Partial<AssetVersion>>(manager, { text: `SELECT ${this.selectList}, false AS "contentEmbargoed", ${uploadedFilesOf('v')} FROM asset_versions v JOIN assets r ON r.id = v.asset_id WHERE v.id = ANY($1::uuid[])` }, [ids]);
    return rows.map(hydrate);
  }

  /** What the asset's URL shows the viewer: its latest version they may see (a draft to its owners). */
  async latestVisible(manager: EntityManager, assetId: string, viewer: Actor): Promise<AssetVersion> {
    const latest = (await this.visibleVersions(manager, assetId, viewer)).at(-1);
    if (!latest) throw AssetError.notFound(assetId);
    return latest;
  }

  /** The version currently published, whoever asks (publishing a successor supersedes it). */
  async published(manager: EntityManager, assetId: string): Promise<AssetVersion | undefined> {
    return (await manager.findOne(AssetVersion, { where: { assetId, status: 'published' } })) ?? undefined;
  }

  /** One row per asset, its latest version the viewer may see, filtered after that choice; keyset-paginated. */
  async list(filter: AssetListFilter): Promise<Page<AssetVersion>> {
    return this.listLatest(filter.viewer, filter, (where) => {
      if (filter.type) where.add((type) => `a.type = ${type}`, filter.type);
      if (filter.status) where.add((status) => `a.status = ${status}`, filter.status);
      if (filter.unit) where.add((unit) => `a."publishingUnit" = ${unit}`, filter.unit);
      if (filter.language) where.add((language) => `${language}::text = ANY(a.languages)`, filter.language);
      if (filter.country) where.add((country) => `${country}::text = ANY(a.countries)`, filter.country);
      if (filter.region) where.add((region) => `${region}::text = ANY(a.regions)`, filter.region);
      if (filter.subject) where.add((subject) => `${subject}::text = ANY(a.subjects)`, filter.subject);
      if (filter.accessLevel) where.add((level) => `a."accessLevel" = ${level}`, filter.accessLevel);
      if (filter.mine) where.add((subject) => `${subject}::text = ANY(a."ownerIds")`, filter.viewer.userId);
    });
  }

  /**
   * The lists' one statement (assets', foresight's): one row per asset, its latest version the viewer
   * may see (alias `a`, columns as entity properties), kept by the conditions `filter` adds; keyset-paginated.
   * `within`, constant SQL on the versions (alias `v`), narrows the assets considered before the latest
   * version is chosen (foresight's lists: the assets that have a foresight version, by an index).
   */
  async listLatest(viewer: Actor, page: { sort: AssetSort; limit: number; cursor?: string }, filter: (where: WhereClause) => void, within?: string): Promise<Page<AssetVersion>> {
    const sort = SORTS[page.sort];
    const where = new WhereClause();
    const latest = this.latestVisibleVersions(viewer, where, within);
    filter(where);
    const cursor = page.cursor;
    if (cursor) where.add(() => afterCursor(sort, cursor, where));
    const limit = where.parameter(rowsToFetch(page.limit));
    // The files in the outer select list: evaluated for the page's rows only, after the LIMIT.
    const text = `SELECT a.*, ${uploadedFilesOf('a')} FROM ${latest} a
      ${where.size > 0 ? `WHERE ${where.sql()}` : ''}
      ORDER BY ${keysetOrder(sort)} LIMIT ${limit}`;
    const rows = await queryPrepared<Partial<AssetVersion>>(this.dataSource.manager, { text }, where.values);
    return pageOf(rows.map(hydrate), page.limit, sort);
  }

  /**
   * The subquery of the latest version of each asset the viewer may see (columns as entity properties,
   * with `contentEmbargoed` and the readable references), for lists and counts over them (`within` as in `listLatest`).
   */
  latestVisibleVersions(viewer: Actor, parameters: WhereClause, within?: string): string {
    const visible = recordVisibleTo(viewer, parameters);
    return `(SELECT DISTINCT ON (v.asset_id) ${this.selectList}, ${contentEmbargoed(viewer, parameters)}, ${readableReferences(viewer, parameters)}
               FROM asset_versions v JOIN assets r ON r.id = v.asset_id
              WHERE ${visible}${within ? ` AND ${within}` : ''} ORDER BY v.asset_id, v.number DESC)`;
  }
}

/** A select-list item: whether the viewer sees the version's record but not yet its content. */
function contentEmbargoed(viewer: Actor, parameters: WhereClause): string {
  return `NOT ${contentVisibleTo(viewer, parameters)} AS "contentEmbargoed"`;
}

/** A row selected with the select list (pg already parsed jsonb, arrays and timestamps). */
function hydrate(row: Partial<AssetVersion>): AssetVersion {
  return Object.assign(new AssetVersion(), row);
}
