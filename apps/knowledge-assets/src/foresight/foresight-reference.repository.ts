import { Injectable } from '@nestjs/common';
import { WhereClause } from '#ikm/pagination';
import { queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';
import { recordVisibleTo } from '../asset/asset-visibility.js';
import type { Actor } from '../asset/asset.entity.js';
import { referencedAssets, type ForesightFields } from './foresight-fields.js';
import { ForesightError } from './foresight.errors.js';

/**
 * The assets a foresight version refers to, checked when they are written: a scenario groups only
 * foresight signals its writer may see, a source names only an asset its writer may see. References
 * already held are not checked again (their asset may since have become invisible to the writer: it is
 * kept, and shown only to those who may see it).
 */
@Injectable()
export class ForesightReferenceRepository {
  async assertReadable(manager: EntityManager, writer: Actor, after: Partial<ForesightFields>, before: Partial<ForesightFields> = {}): Promise<void> {
    const held = referencedAssets(before);
    const { signals, sources } = referencedAssets(after);
    const newSignals = signals.filter((id) => !held.signals.includes(id));
    const newSources = sources.filter((id) => !held.sources.includes(id));
    if (newSignals.length + newSources.length === 0) return;
    const where = new WhereClause();
    const ids = where.parameter([...new Set([...newSignals, ...newSources])]);
    const rows = await queryPrepared<{ id: string; signal: boolean }>(
      manager,
      {
        text: `SELECT rv.asset_id AS id, bool_or(rv.type = 'foresight_signal') AS signal FROM asset_versions rv
                WHERE rv.asset_id = ANY(${ids}::uuid[]) AND ${recordVisibleTo(writer, where, 'rv')} GROUP BY rv.asset_id`,
      },
      where.values,
    );
    const visible = new Map(rows.map((row) => [row.id, row.signal]));
    const problems = [
      ...(after.signals ?? []).flatMap((id, index) =>
        newSignals.includes(id) && visible.get(id) !== true
          ? [{ field: `signals.${index}`, reason: visible.has(id) ? 'is not a foresight signal' : 'is no foresight signal you may see' }]
          : [],
      ),
      ...(after.sources ?? []).flatMap((source, index) =>
        source.assetId && newSources.includes(source.assetId) && !visible.has(source.assetId) ? [{ field: `sources.${index}.assetId`, reason: 'is no asset you may see' }] : [],
      ),
    ];
    if (problems.length > 0) throw ForesightError.referencesNotVisible(problems);
  }
}
