import type { SqlParameters } from '#ikm/pagination';
import { recordVisibleTo } from '../asset/asset-visibility.js';
import type { Actor } from '../asset/asset.entity.js';

/**
 * Whether the asset `assetId` (an SQL expression) has a version the viewer may see (of the type, when
 * given): the record visibility condition itself, on the referenced asset's versions.
 */
export function assetVisibleTo(viewer: Actor, parameters: SqlParameters, assetId: string, type?: 'foresight_signal'): string {
  return `EXISTS (SELECT 1 FROM asset_versions rv WHERE rv.asset_id = ${assetId}${type ? ` AND rv.type = '${type}'` : ''} AND ${recordVisibleTo(viewer, parameters, 'rv')})`;
}

/**
 * Two select-list items for a version row (alias `v`): a scenario's signals and a foresight asset's
 * sources, each kept only where the viewer may see what it refers to (a signal of theirs in draft, an
 * internal signal for a constituent: left out), in their order. Computed in the query that reads, so a
 * scenario never shows a signal its reader cannot see; null on the versions that have no such field
 * (evaluated for the foresight versions only).
 */
export function readableReferences(viewer: Actor, parameters: SqlParameters, v = 'v'): string {
  return `CASE WHEN ${v}.signals IS NULL THEN NULL
              ELSE ARRAY(SELECT s.id FROM unnest(${v}.signals) WITH ORDINALITY s (id, n) WHERE ${assetVisibleTo(viewer, parameters, 's.id', 'foresight_signal')} ORDER BY s.n) END AS "readableSignals",
          CASE WHEN ${v}.foresight_sources IS NULL THEN NULL
              ELSE (SELECT coalesce(jsonb_agg(e.source ORDER BY e.n), '[]') FROM jsonb_array_elements(${v}.foresight_sources) WITH ORDINALITY e (source, n)
                     WHERE e.source->>'assetId' IS NULL OR ${assetVisibleTo(viewer, parameters, "(e.source->>'assetId')::uuid")}) END AS "readableSources"`;
}
