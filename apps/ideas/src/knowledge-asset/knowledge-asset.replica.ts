import { Injectable } from '@nestjs/common';
import { KnowledgeAssetPublishedV1, KnowledgeAssetRetiredV1, KnowledgeAssetUpdatedV1, type EventData } from '#ikm/contracts';
import type { ConsumedEvent } from '#ikm/messaging';
import type { EntityManager } from 'typeorm';

type AssetState = EventData<typeof KnowledgeAssetPublishedV1> | EventData<typeof KnowledgeAssetUpdatedV1>;

/**
 * The ideas service's own copy of published knowledge assets, kept from events alone (services never
 * read each other's tables), for similar-work detection. A change applies only when newer than what
 * is stored, so replays and late duplicates cannot roll an asset back.
 */
@Injectable()
export class KnowledgeAssetReplica {
  async apply(manager: EntityManager, event: ConsumedEvent): Promise<void> {
    switch (event.type) {
      case KnowledgeAssetPublishedV1.type:
      case KnowledgeAssetUpdatedV1.type:
        return this.upsert(manager, event.data as AssetState);
      case KnowledgeAssetRetiredV1.type: {
        const data = event.data as EventData<typeof KnowledgeAssetRetiredV1>;
        await manager.query(`UPDATE knowledge_assets SET retired = true, version = $2 WHERE asset_id = $1 AND version < $2`, [data.assetId, data.version]);
        return;
      }
    }
  }

  private async upsert(manager: EntityManager, asset: AssetState): Promise<void> {
    const titles = Object.values(asset.title).join(' ');
    const abstracts = Object.values(asset.abstract ?? {}).join(' ');
    await manager.query(
      `INSERT INTO knowledge_assets (asset_id, version, type, title, abstract, subjects, languages, access_level, url, retired, title_text, search)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, false, $10,
               setweight(to_tsvector('simple', $10), 'A') || setweight(to_tsvector('simple', $11), 'B') ||
               setweight(to_tsvector('simple', array_to_string($6::text[], ' ')), 'C'))
       ON CONFLICT (asset_id) DO UPDATE SET
         version = EXCLUDED.version, type = EXCLUDED.type, title = EXCLUDED.title, abstract = EXCLUDED.abstract,
         subjects = EXCLUDED.subjects, languages = EXCLUDED.languages, access_level = EXCLUDED.access_level, url = EXCLUDED.url,
         title_text = EXCLUDED.title_text, search = EXCLUDED.search
       WHERE knowledge_assets.version < EXCLUDED.version`,
      [asset.assetId, asset.version, asset.type, JSON.stringify(asset.title), asset.abstract ? JSON.stringify(asset.abstract) : null, asset.subjects, asset.languages, asset.accessLevel, asset.url ?? null, titles, abstracts],
    );
  }
}
