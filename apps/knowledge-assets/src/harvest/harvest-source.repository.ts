import { Injectable } from '@nestjs/common';
import { prepared, queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';
import type { IngestionJob } from '../ingestion/ingestion-job.js';
import type { HarvestSource } from './harvest-source.js';

interface SourceRow {
  id: string;
  name: string;
  base_url: string;
  metadata_prefix: string;
  set_spec: string | null;
  platform: HarvestSource['platform'];
  access_level: HarvestSource['accessLevel'];
  publishing_unit: string;
  created_by: string;
  version: number;
  last_datestamp: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, base_url, metadata_prefix, set_spec, platform, access_level, publishing_unit, created_by, version, last_datestamp, created_at, updated_at';

const INSERT = prepared(`
  INSERT INTO harvest_sources (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT ((lower(name))) DO NOTHING RETURNING id`);
const FIND = prepared(`SELECT ${COLUMNS} FROM harvest_sources WHERE id = $1`);
const LOCK = prepared(`SELECT ${COLUMNS} FROM harvest_sources WHERE id = $1 FOR UPDATE`);
const FIND_BY_NAME = prepared(`SELECT ${COLUMNS} FROM harvest_sources WHERE lower(name) = lower($1)`);
const LIST = prepared(`SELECT ${COLUMNS} FROM harvest_sources ORDER BY lower(name) LIMIT 500`);
const UPDATE = prepared(`
  UPDATE harvest_sources SET name = $2, base_url = $3, metadata_prefix = $4, set_spec = $5, platform = $6, access_level = $7,
    publishing_unit = $8, version = $9, updated_at = $10 WHERE id = $1`);
const DELETE = prepared(`DELETE FROM harvest_sources WHERE id = $1`);
/** Monotonic: a late retry of an older harvest never moves the next `from` back. */
const COMPLETE = prepared(`
  UPDATE harvest_sources SET last_datestamp = $2 WHERE id = $1 AND (last_datestamp IS NULL OR last_datestamp < $2)`);
const UNFINISHED_HARVEST = prepared(`
  SELECT id FROM ingestion_jobs WHERE kind = 'harvest' AND input->>'sourceId' = $1 AND status IN ('queued', 'running') LIMIT 1`);
const HARVESTS = prepared(`
  SELECT id FROM ingestion_jobs WHERE kind = 'harvest' AND input->>'sourceId' = $1 ORDER BY created_at DESC LIMIT $2`);

function sourceOf(row: SourceRow): HarvestSource {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.base_url,
    metadataPrefix: row.metadata_prefix,
    set: row.set_spec,
    platform: row.platform,
    accessLevel: row.access_level,
    publishingUnit: row.publishing_unit,
    createdBy: row.created_by,
    version: row.version,
    lastDatestamp: row.last_datestamp,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** All SQL of harvest sources, on the EntityManager passed in. */
@Injectable()
export class HarvestSourceRepository {
  /** False when another source has the name (the unique index decides, inside the statement). */
  async insert(manager: EntityManager, source: HarvestSource): Promise<boolean> {
    const rows = await queryPrepared(manager, INSERT, [
      source.id,
      source.name,
      source.baseUrl,
      source.metadataPrefix,
      source.set,
      source.platform,
      source.accessLevel,
      source.publishingUnit,
      source.createdBy,
      source.version,
      source.lastDatestamp,
      source.createdAt,
      source.updatedAt,
    ]);
    return rows.length > 0;
  }

  async find(manager: EntityManager, id: string, { lock = false } = {}): Promise<HarvestSource | null> {
    const rows = (await queryPrepared(manager, lock ? LOCK : FIND, [id])) as SourceRow[];
    return rows[0] ? sourceOf(rows[0]) : null;
  }

  async findByName(manager: EntityManager, name: string): Promise<HarvestSource | null> {
    const rows = (await queryPrepared(manager, FIND_BY_NAME, [name])) as SourceRow[];
    return rows[0] ? sourceOf(rows[0]) : null;
  }

  async list(manager: EntityManager): Promise<HarvestSource[]> {
    return ((await queryPrepared(manager, LIST, [])) as SourceRow[]).map(sourceOf);
  }

  async update(manager: EntityManager, source: HarvestSource): Promise<void> {
    await queryPrepared(manager, UPDATE, [source.id, source.name, source.baseUrl, source.metadataPrefix, source.set, source.platform, source.accessLevel, source.publishingUnit, source.version, source.updatedAt]);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await queryPrepared(manager, DELETE, [id]);
  }

  async completeHarvest(manager: EntityManager, id: string, latestDatestamp: string): Promise<void> {
    await queryPrepared(manager, COMPLETE, [id, latestDatestamp]);
  }

  async unfinishedHarvest(manager: EntityManager, sourceId: string): Promise<string | null> {
    const rows = (await queryPrepared(manager, UNFINISHED_HARVEST, [sourceId])) as Array<Pick<IngestionJob, 'id'>>;
    return rows[0]?.id ?? null;
  }

  async harvestIds(manager: EntityManager, sourceId: string, limit: number): Promise<string[]> {
    return ((await queryPrepared(manager, HARVESTS, [sourceId, limit])) as Array<Pick<IngestionJob, 'id'>>).map((row) => row.id);
  }
}
