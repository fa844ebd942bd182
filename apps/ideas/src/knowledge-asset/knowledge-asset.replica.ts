import { KnowledgeAssetPublishedV1, KnowledgeAssetRetiredV1, KnowledgeAssetUpdatedV1, type EventData } from '#ikm/contracts';
import { defineReplica, updateOn, upsertOn } from '#ikm/replica';

type AssetState = EventData<typeof KnowledgeAssetPublishedV1> | EventData<typeof KnowledgeAssetUpdatedV1>;

/** An asset's full state as its row; `title_text` and `search` are generated from these by the table. */
function assetRow(asset: AssetState) {
  return {
    asset_id: asset.assetId,
    version: asset.version,
    type: asset.type,
    title: asset.title,
    abstract: asset.abstract ?? null,
    subjects: asset.subjects,
    languages: asset.languages,
    access_level: asset.accessLevel,
    // Events before the details were carried have neither: restricted then shows to nobody.
    restricted_to_units: asset.restrictedToUnits ?? [],
    embargo_until: asset.embargoUntil ?? null,
    url: asset.url ?? null,
  };
}

/**
 * The ideas service's own copy of published knowledge assets, kept from their events alone, for
 * similar-work detection, with what decides who may see each (access level, units, embargo; see
 * similar-work.repository.ts). Only a newer version applies (libs/replica), so replays and late duplicates
 * cannot roll an asset back; a retirement of an asset never seen here changes nothing.
 */
export const KNOWLEDGE_ASSETS_REPLICA = defineReplica({
  table: 'knowledge_assets',
  key: 'asset_id',
  version: 'version',
  on: [
    upsertOn(KnowledgeAssetPublishedV1, assetRow),
    upsertOn(KnowledgeAssetUpdatedV1, assetRow),
    updateOn(KnowledgeAssetRetiredV1, (retired) => ({ asset_id: retired.assetId, version: retired.version, retired: true })),
  ],
});
