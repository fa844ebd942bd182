import { Injectable } from '@nestjs/common';
import type { AssetStatus, ForesightDriverCategory } from '#ikm/contracts';
import { WhereClause, type Page } from '#ikm/pagination';
import { queryPrepared } from '#ikm/persistence';
import { DataSource } from 'typeorm';
import type { Actor, AssetVersion } from '../asset/asset.entity.js';
import { AssetRepository, type AssetSort } from '../asset/asset.repository.js';
import { EVERY_CONFIGURATION, metadataOnly } from '../search/search.repository.js';
import { assetVisibleTo } from './foresight-visibility.js';

/** Constant SQL on versions (alias `v`): the assets that have a foresight version, read by the partial index `asset_versions_foresight`. */
const FORESIGHT_ASSETS = `v.asset_id IN (SELECT f.asset_id FROM asset_versions f WHERE f.type IN ('foresight_signal', 'foresight_scenario'))`;

/** What both foresight lists filter on; every condition holds for the latest version the viewer may see. */
export interface ForesightFilter {
  viewer: Actor;
  status?: AssetStatus;
  /** A year the horizon includes. */
  horizon?: number;
  subject?: string;
  /** Web-search syntax over the title, keywords, abstract, drivers and narrative (abstract and narrative not while under embargo). */
  text?: string;
}

export interface SignalFilter extends ForesightFilter {
  driver?: ForesightDriverCategory;
  minLikelihood?: number;
  minImpact?: number;
}

export interface ScenarioFilter extends ForesightFilter {
  /** Only scenarios grouping this signal. */
  signal?: string;
}

export interface PageRequest {
  sort: AssetSort;
  limit: number;
  cursor?: string;
}

/** One cell of the likelihood x impact matrix: how many signals sit there. */
export interface MatrixCell {
  likelihood: number;
  impact: number;
  count: number;
}

/**
 * Foresight's lists and counts over the assets' one "latest version the viewer may see" statement
 * (AssetRepository), so access, embargo and drafts are decided exactly as for every other list.
 */
@Injectable()
export class ForesightRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
  ) {}

  listSignals(filter: SignalFilter, page: PageRequest): Promise<Page<AssetVersion>> {
    return this.assets.listLatest(filter.viewer, page, (where) => signalConditions(where, filter), FORESIGHT_ASSETS);
  }

  listScenarios(filter: ScenarioFilter, page: PageRequest): Promise<Page<AssetVersion>> {
    return this.assets.listLatest(
      filter.viewer,
      page,
      (where) => {
        where.add(() => `a.type = 'foresight_scenario'`);
        commonConditions(where, filter);
        if (filter.signal) where.add((signal) => `a.signals @> ARRAY[${signal}::uuid]`, filter.signal);
      },
      FORESIGHT_ASSETS,
    );
  }

  /** Whether the signal has a version the viewer may see. */
  async signalVisible(viewer: Actor, signalId: string): Promise<boolean> {
    const where = new WhereClause();
    const condition = assetVisibleTo(viewer, where, where.parameter(signalId) + '::uuid', 'foresight_signal');
    const [row] = await queryPrepared<{ visible: boolean }>(this.dataSource.manager, { text: `SELECT ${condition} AS visible` }, where.values);
    return row?.visible === true;
  }

  /** The signals the filters keep, counted per likelihood and impact (unrated ones apart), in one statement under the viewer's visibility. */
  async matrix(filter: SignalFilter): Promise<{ cells: MatrixCell[]; unrated: number; total: number }> {
    const where = new WhereClause();
    const latest = this.assets.latestVisibleVersions(filter.viewer, where, FORESIGHT_ASSETS);
    signalConditions(where, filter);
    const rows = await queryPrepared<{ likelihood: number | null; impact: number | null; count: string }>(
      this.dataSource.manager,
      { text: `SELECT a.likelihood, a.impact, count(*) AS count FROM ${latest} a WHERE ${where.sql()} GROUP BY a.likelihood, a.impact` },
      where.values,
    );
    const counted = new Map(rows.map((row) => [`${row.likelihood}/${row.impact}`, Number(row.count)]));
    const cells: MatrixCell[] = [];
    for (let likelihood = 1; likelihood <= 5; likelihood++) {
      for (let impact = 1; impact <= 5; impact++) cells.push({ likelihood, impact, count: counted.get(`${likelihood}/${impact}`) ?? 0 });
    }
    const total = rows.reduce((sum, row) => sum + Number(row.count), 0);
    return { cells, unrated: total - cells.reduce((sum, cell) => sum + cell.count, 0), total };
  }
}

function signalConditions(where: WhereClause, filter: SignalFilter): void {
  where.add(() => `a.type = 'foresight_signal'`);
  commonConditions(where, filter);
  if (filter.driver) where.add((driver) => `a.drivers @> jsonb_build_array(jsonb_build_object('category', ${driver}::text))`, filter.driver);
  if (filter.minLikelihood) where.add((min) => `a.likelihood >= ${min}::int`, filter.minLikelihood);
  if (filter.minImpact) where.add((min) => `a.impact >= ${min}::int`, filter.minImpact);
}

function commonConditions(where: WhereClause, filter: ForesightFilter): void {
  if (filter.status) where.add((status) => `a.status = ${status}`, filter.status);
  if (filter.subject) where.add((subject) => `${subject}::text = ANY(a.subjects)`, filter.subject);
  if (filter.horizon) where.add((year) => `(a.horizon->>'from')::int <= ${year}::int AND (a.horizon->>'to')::int >= ${year}::int`, filter.horizon);
  const text = filter.text?.trim();
  if (text) {
    // The version's stored search document (title, keywords, abstract, drivers, narrative), matched on its
    // record parts only (title, keywords, drivers) while its content is under embargo for the viewer.
    const query = `(SELECT tsquery_or_agg(DISTINCT websearch_to_tsquery(cfg, ${where.parameter(text)}::text)) FROM (${EVERY_CONFIGURATION}) AS configs (cfg))`;
    where.add(() => `EXISTS (SELECT 1 FROM asset_versions t WHERE t.id = a.id AND t.search_document @@ CASE WHEN a."contentEmbargoed" THEN ${metadataOnly(query)} ELSE ${query} END)`);
  }
}
