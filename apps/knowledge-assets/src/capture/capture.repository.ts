import { Injectable } from '@nestjs/common';
import type { CapturedFrom } from '#ikm/contracts';
import { prepared, queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';
import type { Asset } from '../asset/asset.entity.js';

/**
 * Inserts the asset row of a capture unless its source already has one: the unique index on the source
 * (service, aggregate type, id) decides, inside the statement, so a second delivery of the event (or the
 * event published again under another id, or two consumers at once) creates nothing and fails nothing.
 */
const CLAIM = prepared(`
  INSERT INTO assets (id, revision, created_at, updated_at, captured_from) VALUES ($1, $2, $3, $3, $4)
  ON CONFLICT ((captured_from->>'service'), (captured_from->>'aggregateType'), (captured_from->>'aggregateId')) DO NOTHING
  RETURNING id`);

@Injectable()
export class CaptureRepository {
  /** Whether the asset was inserted for this source (false: the source already has its asset). */
  async claim(manager: EntityManager, asset: Asset, capturedFrom: CapturedFrom): Promise<boolean> {
    const rows = await queryPrepared(manager, CLAIM, [asset.id, asset.revision, asset.createdAt, JSON.stringify(capturedFrom)]);
    return rows.length > 0;
  }
}
