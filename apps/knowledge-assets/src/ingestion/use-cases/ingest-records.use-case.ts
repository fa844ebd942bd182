/**
 * THE INGESTION PIPELINE, shared by bulk import and the OAI-PMH harvester.
 *
 *   const outcomes = await ingestRecords.execute(manager, { actor, defaults, records });
 *
 * Run it inside the caller's transaction (IngestionJobRunner.ingestBatch opens one per batch and records
 * the outcomes in it); one IngestOutcome per record, in the records' order. Idempotent by (source
 * platform, source identifier): a new record is a new asset whose version 1 is published at once; the
 * same metadata again is `unchanged` (nothing written); changed metadata a new published version that
 * supersedes the previous one; a deleted record retires the asset ("deleted at source"); a deleted
 * record never ingested is `unchanged` with no asset. An invalid record is `rejected` with every field
 * and reason, validated before anything is written, so it writes nothing.
 *
 * Events are those of the REST lifecycle: `published` with the full state (revision 1 for a new asset:
 * the version was never a draft, so no draft-created), `superseded` + `published` for an update (both at
 * the asset's new revision, as a publication through the API), `retired` for a deletion.
 */
import { Injectable } from '@nestjs/common';
import { KnowledgeAssetPublishedV1, KnowledgeAssetRetiredV1, KnowledgeAssetSupersededV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { EntityManager } from 'typeorm';
import { assetState } from '../../asset/asset-events.js';
import { ASSET_HISTORY } from '../../asset/asset-lifecycle.js';
import { Asset, AssetVersion, type Actor, type Transition } from '../../asset/asset.entity.js';
import type { AssetMetadata } from '../../asset/metadata/asset-metadata.js';
import type { IngestibleRecord, IngestOutcome } from '../ingestible-record.js';
import { IngestionRepository, type IngestedAsset, type NewIngestedAsset, type SourceKey } from '../ingestion.repository.js';
import { validateRecord, type IngestionDefaults } from '../record-validation.js';

export interface IngestRecordsCommand {
  /** A km_officer (for their own unit) or an ikmu_admin: the publisher of every version written. */
  actor: Actor;
  defaults: IngestionDefaults;
  records: IngestibleRecord[];
}

export const DELETED_AT_SOURCE = 'deleted at source';

/** A record on its way through one round: its place in the batch and, once validated, its metadata. */
interface Pending {
  index: number;
  record: IngestibleRecord;
  metadata?: AssetMetadata;
  digest?: string;
}

/** The digest of what a record says: the same metadata again (whatever its key order) is unchanged. */
export function metadataDigest(metadata: AssetMetadata): string {
  return createHash('sha256').update(stringify(metadata) ?? '').digest('hex');
}

const keyOf = (key: SourceKey) => `${key.platform}\u0000${key.identifier}`;

@Injectable()
export class IngestRecordsUseCase {
  constructor(
    private readonly ingestion: IngestionRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(manager: EntityManager, { actor, defaults, records }: IngestRecordsCommand): Promise<IngestOutcome[]> {
    const outcomes: IngestOutcome[] = new Array(records.length);
    const valid: Pending[] = [];
    for (const [index, record] of records.entries()) {
      if (!record.source.identifier?.trim()) {
        outcomes[index] = { status: 'rejected', errors: [{ field: 'source.identifier', reason: 'is required: the record’s identity at its source' }] };
        continue;
      }
      if (record.deleted) {
        valid.push({ index, record });
        continue;
      }
      const validated = await validateRecord(record, defaults, actor);
      if (validated.errors) outcomes[index] = { status: 'rejected', errors: validated.errors };
      else valid.push({ index, record, metadata: validated.metadata, digest: metadataDigest(validated.metadata) });
    }
    // A record repeated within the batch is applied after its earlier occurrence: one round per occurrence.
    for (const round of rounds(valid)) await this.ingestRound(manager, actor, round, outcomes);
    return outcomes;
  }

  /** Records with distinct keys, written together. */
  private async ingestRound(manager: EntityManager, actor: Actor, round: Pending[], outcomes: IngestOutcome[]): Promise<void> {
    const now = new Date();
    const when = now.toISOString();
    const published: AssetVersion[] = [];
    const superseded: Array<{ predecessor: IngestedAsset; successor: AssetVersion }> = [];
    const retired: Array<{ asset: IngestedAsset }> = [];
    const touched: Array<{ id: string; digest: string | null }> = [];

    const claims = new Map<Pending, NewIngestedAsset>();
    for (const item of round) {
      if (item.metadata) claims.set(item, { id: Asset.create(now).id, platform: item.record.source.platform, identifier: item.record.source.identifier, digest: item.digest! });
    }
    const created = await this.ingestion.claim(manager, [...claims.values()], now);
    const existing: Pending[] = [];
    for (const item of round) {
      const claim = claims.get(item);
      if (!claim || !created.has(claim.id)) {
        existing.push(item);
        continue;
      }
      const version = publishedVersion(claim.id, 1, item.metadata!, actor, now);
      version.revision = 1;
      published.push(version);
      outcomes[item.index] = { status: 'created', assetId: claim.id };
    }

    const locked = new Map((await this.ingestion.lock(manager, existing.map((item) => item.record.source))).map((asset) => [keyOf(asset), asset]));
    for (const item of existing) {
      const asset = locked.get(keyOf(item.record.source));
      if (!asset) {
        // Only a deletion finds no asset (a record to write was claimed, or its asset is locked here).
        outcomes[item.index] = { status: 'unchanged', assetId: null };
        continue;
      }
      if (item.record.deleted) {
        if (asset.publishedVersionId === null) {
          outcomes[item.index] = { status: 'unchanged', assetId: asset.id };
          continue;
        }
        asset.revision += 1;
        retired.push({ asset });
        touched.push({ id: asset.id, digest: null });
        outcomes[item.index] = { status: 'deleted', assetId: asset.id };
        continue;
      }
      // A record that comes back after its deletion is published again, even with the same metadata.
      if (asset.digest === item.digest && asset.publishedVersionId !== null) {
        outcomes[item.index] = { status: 'unchanged', assetId: asset.id };
        continue;
      }
      asset.revision += 1;
      const version = publishedVersion(asset.id, asset.lastNumber + 1, item.metadata!, actor, now);
      version.revision = asset.revision;
      published.push(version);
      if (asset.publishedVersionId !== null) superseded.push({ predecessor: asset, successor: version });
      touched.push({ id: asset.id, digest: item.digest! });
      outcomes[item.index] = { status: 'updated', assetId: asset.id };
    }

    await this.ingestion.touch(manager, touched, now);
    // Predecessors leave `published` before their successors enter it (one published version per asset).
    await this.ingestion.moveVersions(
      manager,
      [...superseded.map(({ predecessor }) => ({ versionId: predecessor.publishedVersionId!, status: 'superseded' as const })), ...retired.map(({ asset }) => ({ versionId: asset.publishedVersionId!, status: 'retired' as const }))],
      now,
    );
    await this.ingestion.insertVersions(manager, published);
    const publishing: Transition = { from: 'draft', to: 'published', reason: null };
    await ASSET_HISTORY.recordMany(
      manager,
      [
        ...superseded.map(({ predecessor }) => ({ subjectId: predecessor.publishedVersionId!, transition: { from: 'published', to: 'superseded', reason: null } satisfies Transition })),
        ...retired.map(({ asset }) => ({ subjectId: asset.publishedVersionId!, transition: { from: 'published', to: 'retired', reason: DELETED_AT_SOURCE } satisfies Transition })),
        ...published.map((version) => ({ subjectId: version.id, transition: publishing })),
      ],
      actor.userId,
      now,
    );
    await this.outbox.appendMany(
      manager,
      KnowledgeAssetSupersededV1,
      superseded.map(({ predecessor, successor }) => ({
        aggregateId: predecessor.id,
        data: { assetId: predecessor.id, version: predecessor.revision, versionNumber: predecessor.publishedNumber!, supersededBy: successor.number, supersededAt: when, actorId: actor.userId },
      })),
    );
    await this.outbox.appendMany(
      manager,
      KnowledgeAssetPublishedV1,
      published.map((version) => ({ aggregateId: version.assetId, data: { ...assetState(version), publishedAt: when, actorId: actor.userId } })),
    );
    await this.outbox.appendMany(
      manager,
      KnowledgeAssetRetiredV1,
      retired.map(({ asset }) => ({
        aggregateId: asset.id,
        data: { assetId: asset.id, version: asset.revision, versionNumber: asset.publishedNumber!, reason: DELETED_AT_SOURCE, retiredAt: when, actorId: actor.userId },
      })),
    );
  }
}

/** A version published as it arrives: the record is already published where it comes from. */
function publishedVersion(assetId: string, number: number, metadata: AssetMetadata, actor: Actor, now: Date): AssetVersion {
  const version = AssetVersion.draft(assetId, number, metadata, actor.userId, now);
  version.status = 'published';
  version.publishedAt = now;
  return version;
}

/** The records split so that no key appears twice in one round, each occurrence after the one before. */
function rounds(items: Pending[]): Pending[][] {
  const result: Pending[][] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item.record.source);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (result[round] ??= []).push(item);
  }
  return result;
}
