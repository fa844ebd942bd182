import { Injectable } from '@nestjs/common';
import { WhereClause } from '#ikm/pagination';
import { queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';
import type { Multilingual } from '../asset/metadata/asset-metadata.js';

/** A set of the repository: the assets of a type, or those about a top-level concept (or one narrower). */
export type OaiSet = { kind: 'type'; type: string } | { kind: 'subject'; conceptId: string };

export interface OaiSelection {
  set: OaiSet | null;
  from: Date | null;
  until: Date | null;
}

/** One item of the provider (table oai_items): an asset's current public record, or its deletion. */
export interface OaiItemRow {
  assetId: string;
  versionId: string;
  datestamp: Date;
  deleted: boolean;
  type: string;
  subjects: string[];
}

const ITEM_COLUMNS = `i.asset_id AS "assetId", i.version_id AS "versionId", i.datestamp, i.deleted, v.type, v.subjects`;

/**
 * The provider's reads, every one under the same condition: an item shows once its datestamp has come
 * (an embargo ends at its datestamp), so no page, count or single read holds what is not public yet.
 */
@Injectable()
export class OaiItemRepository {
  private where(selection: OaiSelection): WhereClause {
    const where = new WhereClause();
    where.add(() => `i.datestamp <= now()`);
    if (selection.from) where.add((from) => `i.datestamp >= ${from}`, selection.from);
    if (selection.until) where.add((until) => `i.datestamp <= ${until}`, selection.until);
    const set = selection.set;
    if (set?.kind === 'type') where.add((type) => `v.type = ${type}`, set.type);
    // The concept and every concept under it, computed once per query (an InitPlan), not per row.
    if (set?.kind === 'subject')
      where.add(
        (concept) => `v.subjects && ARRAY(WITH RECURSIVE down(id) AS (SELECT ${concept}::uuid UNION SELECT b.concept_id FROM concept_broader b JOIN down ON b.broader_id = down.id) SELECT id::text FROM down)`,
        set.conceptId,
      );
    return where;
  }

  /** A keyset page in datestamp order, after `after` (the last item of the previous page). */
  async page(manager: EntityManager, selection: OaiSelection, after: { datestamp: Date; assetId: string } | null, limit: number): Promise<OaiItemRow[]> {
    const where = this.where(selection);
    if (after) where.add((datestamp, assetId) => `(i.datestamp, i.asset_id) > (${datestamp}::timestamptz, ${assetId}::uuid)`, after.datestamp, after.assetId);
    const text = `SELECT ${ITEM_COLUMNS} FROM oai_items i JOIN asset_versions v ON v.id = i.version_id WHERE ${where.sql()} ORDER BY i.datestamp, i.asset_id LIMIT ${where.parameter(limit)}`;
    return queryPrepared<OaiItemRow>(manager, { text }, where.values);
  }

  async count(manager: EntityManager, selection: OaiSelection): Promise<number> {
    const where = this.where(selection);
    const [row] = await queryPrepared<{ count: string }>(manager, { text: `SELECT count(*) FROM oai_items i JOIN asset_versions v ON v.id = i.version_id WHERE ${where.sql()}` }, where.values);
    return Number(row!.count);
  }

  async find(manager: EntityManager, assetId: string): Promise<OaiItemRow | undefined> {
    const where = this.where({ set: null, from: null, until: null });
    where.add((id) => `i.asset_id = ${id}::uuid`, assetId);
    const [row] = await queryPrepared<OaiItemRow>(manager, { text: `SELECT ${ITEM_COLUMNS} FROM oai_items i JOIN asset_versions v ON v.id = i.version_id WHERE ${where.sql()}` }, where.values);
    return row;
  }

  /** The datestamp of the oldest item shown, if any. */
  async earliestDatestamp(manager: EntityManager): Promise<Date | null> {
    const [row] = await queryPrepared<{ earliest: Date | null }>(manager, { text: `SELECT min(datestamp) AS earliest FROM oai_items WHERE datestamp <= now()` }, []);
    return row?.earliest ?? null;
  }

  /** The concepts of the taxonomy that have no broader one: the subject sets. */
  async topConcepts(manager: EntityManager): Promise<Array<{ id: string; prefLabel: Multilingual }>> {
    return queryPrepared(manager, { text: `SELECT c.id::text AS id, c.pref_label AS "prefLabel" FROM concepts c WHERE NOT EXISTS (SELECT 1 FROM concept_broader b WHERE b.concept_id = c.id) ORDER BY c.created_at, c.id` }, []);
  }

  async isTopConcept(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await queryPrepared(manager, { text: `SELECT 1 FROM concepts c WHERE c.id = $1::uuid AND NOT EXISTS (SELECT 1 FROM concept_broader b WHERE b.concept_id = c.id)` }, [id]);
    return rows.length > 0;
  }
}
