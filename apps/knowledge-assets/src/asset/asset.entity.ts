import type { Role } from '#ikm/auth';
import type { AccessLevel, AssetStatus, AssetType, CapturedFrom, IloRegion } from '#ikm/contracts';
import { assertExpectedVersion } from '#ikm/domain';
import type { Transition as LifecycleTransition } from '#ikm/lifecycle';
import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UploadedFile } from '../file/asset-file.repository.js';
import type { ReviewState } from '../review/review.repository.js';
import { ForesightError } from '../foresight/foresight.errors.js';
import {
  misplacedForesightFields,
  ownForesightFields,
  readableAfterEdit,
  withForesightDefaults,
  type Driver,
  type ForesightSource,
  type Horizon,
} from '../foresight/foresight-fields.js';
import { ASSET_LIFECYCLE, type Capacity, type Relation } from './asset-lifecycle.js';
import { AssetError } from './asset.errors.js';
import {
  accessContradiction,
  ACCESS_FIELDS,
  METADATA_FIELDS,
  type AccessSettings,
  type AssetMetadata,
  type Creator,
  type FileLink,
  type Multilingual,
  type PersistentIdentifier,
  type SourceReference,
} from './metadata/asset-metadata.js';
import { metadataQuality, type MetadataQuality } from './metadata/metadata-quality.js';

/** The foresight fields left out of `metadata()`: absent rather than null, on every type that lacks them. */
const NOT_ANY_FORESIGHT = { drivers: undefined, horizon: undefined, likelihood: undefined, impact: undefined, sources: undefined, narrative: undefined, signals: undefined };

/** Who acts, as the token says. */
export interface Actor {
  userId: string;
  roles: readonly Role[];
  unit?: string;
}

export type Transition = LifecycleTransition<AssetStatus>;

/**
 * An asset: the identity its versions share, and its revision, which every change to any of its
 * versions increments. The revision is the ETag of everything read under the asset's URL and the
 * `version` its events carry, so consumers order them. Changes lock this row.
 */
@Entity('assets')
export class Asset {
  @PrimaryColumn('uuid') id: string;
  @Column('integer') revision: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;

  static create(now: Date): Asset {
    return Object.assign(new Asset(), { id: randomUUID(), revision: 1, createdAt: now, updatedAt: now });
  }

  /** The revision a client's If-Match expects (`@IfMatchVersion()`), when it sent one, must be the current one. */
  assertRevision(expected: number | undefined): void {
    assertExpectedVersion(expected, this.revision, (expectedRevision, actual) => AssetError.versionMismatch(this.id, expectedRevision, actual));
  }

  touch(now: Date): void {
    this.revision += 1;
    this.updatedAt = now;
  }
}

/** One version of an asset: its metadata and where it stands in the lifecycle. Published ones never change content. */
@Entity('asset_versions')
export class AssetVersion implements AssetMetadata {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'asset_id' }) assetId: string;
  @Column('integer') number: number;
  @Column('text') status: AssetStatus;
  @Column('text') type: AssetType;
  @Column('jsonb') title: Multilingual;
  @Column('jsonb') abstract: Multilingual;
  @Column('jsonb') keywords: Record<string, string[]>;
  @Column('jsonb') creators: Creator[];
  /** The creators' staff ids, kept beside them so that the visibility condition can use an array test. */
  @Column('text', { name: 'owner_ids', array: true }) ownerIds: string[];
  @Column('text', { name: 'publishing_unit' }) publishingUnit: string;
  @Column('date', { name: 'date_issued', nullable: true }) dateIssued: string | null;
  @Column('text', { array: true }) languages: string[];
  @Column('text', { array: true }) subjects: string[];
  @Column('text', { array: true }) countries: string[];
  @Column('text', { array: true }) regions: IloRegion[];
  @Column('jsonb', { nullable: true }) source: SourceReference | null;
  @Column('jsonb', { name: 'persistent_identifier', nullable: true }) persistentIdentifier: PersistentIdentifier | null;
  @Column('text', { nullable: true }) licence: string | null;
  @Column('text', { name: 'access_level' }) accessLevel: AccessLevel;
  @Column('text', { name: 'restricted_to_units', array: true }) restrictedToUnits: string[];
  @Column('uuid', { name: 'restricted_to_communities', array: true }) restrictedToCommunities: string[];
  @Column('date', { name: 'embargo_until', nullable: true }) embargoUntil: string | null;
  @Column('jsonb') files: FileLink[];
  // The foresight types' own fields (foresight/): null on every other type.
  @Column('jsonb', { nullable: true }) drivers: Driver[] | null;
  @Column('jsonb', { nullable: true }) horizon: Horizon | null;
  @Column('integer', { nullable: true }) likelihood: number | null;
  @Column('integer', { nullable: true }) impact: number | null;
  @Column('jsonb', { name: 'foresight_sources', nullable: true }) sources: ForesightSource[] | null;
  @Column('jsonb', { nullable: true }) narrative: Multilingual | null;
  @Column('uuid', { array: true, nullable: true }) signals: string[] | null;
  @Column('text', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  /** The asset's revision when this version was read or written (not a column of the version). */
  revision: number;
  /** What the asset was captured from, for one made from another service's event (a column of the asset). */
  capturedFrom?: CapturedFrom | null;
  /** The files uploaded to this version (rows of asset_files, read with it). */
  uploadedFiles: UploadedFile[] = [];
  /**
   * Set when read for a viewer who may see the record but not yet its content (an embargo they are not
   * exempt from): the responses then withhold its abstract and files (asset-visibility.ts).
   */
  contentEmbargoed = false;
  /** Its freshness (review/), when read for a response that shows it. */
  review?: ReviewState;
  /**
   * The scenario's signals and the sources that the viewer it was read for may see (computed in SQL,
   * foresight/foresight-visibility.ts); responses show these, never the stored lists, which events carry.
   */
  readableSignals: string[] | null = null;
  readableSources: ForesightSource[] | null = null;

  static draft(assetId: string, number: number, metadata: AssetMetadata, createdBy: string, now: Date): AssetVersion {
    const version = new AssetVersion();
    Object.assign(version, { id: randomUUID(), assetId, number, status: 'draft', createdBy, createdAt: now, updatedAt: now, publishedAt: null });
    version.setMetadata(metadata);
    version.assertAccessConsistent(false);
    // Its writer may see every reference it holds (the use cases check those they add).
    version.readableSignals = version.signals;
    version.readableSources = version.sources;
    return version;
  }

  /** A draft of the next version, with this version's metadata. */
  nextDraft(createdBy: string, now: Date): AssetVersion {
    const draft = AssetVersion.draft(this.assetId, this.number + 1, structuredClone(this.metadata()), createdBy, now);
    draft.uploadedFiles = structuredClone(this.uploadedFiles);
    draft.readableSignals = structuredClone(this.readableSignals);
    draft.readableSources = structuredClone(this.readableSources);
    return draft;
  }

  /** Its metadata: the foresight fields only when its type has them, so other types read as before foresight. */
  metadata(): AssetMetadata {
    const all = Object.fromEntries(METADATA_FIELDS.map((field) => [field, this[field]])) as unknown as AssetMetadata;
    return { ...all, ...NOT_ANY_FORESIGHT, ...ownForesightFields(this.type, this) };
  }

  quality(): MetadataQuality {
    return metadataQuality(this.metadata());
  }

  relationOf(actor: Actor): Relation {
    if (actor.roles.includes('km_officer') && actor.unit !== undefined && actor.unit === this.publishingUnit) return 'unit_officer';
    return this.ownerIds.includes(actor.userId) ? 'creator' : 'outsider';
  }

  capacitiesOf(actor: Actor): Capacity[] {
    return ASSET_LIFECYCLE.capacitiesOf(actor.roles, this.relationOf(actor));
  }

  isOwner(actor: Actor): boolean {
    return this.capacitiesOf(actor).includes('owner');
  }

  /** The transitions this actor could make now. */
  transitionsFor(actor: Actor): AssetStatus[] {
    return ASSET_LIFECYCLE.movesFor(this.status, this.capacitiesOf(actor));
  }

  /** Applies the changes that differ; returns them (empty when nothing changed). The editor must still own the draft. */
  edit(actor: Actor, changes: Partial<AssetMetadata>, now: Date): Partial<AssetMetadata> {
    if (!this.isOwner(actor)) throw AssetError.notOwner(this.assetId);
    if (this.status !== 'draft') throw AssetError.notEditable(this.assetId, this.number, this.status);
    const applied: Partial<AssetMetadata> = {};
    for (const field of METADATA_FIELDS) {
      const value = changes[field];
      if (value === undefined || JSON.stringify(value) === JSON.stringify(this[field])) continue;
      Object.assign(applied, { [field]: value });
    }
    if (Object.keys(applied).length === 0) return applied;
    const edited = AssetVersion.draft(this.assetId, this.number, { ...this.metadata(), ...applied }, this.createdBy, now);
    if (!edited.isOwner(actor)) throw AssetError.ownerMissing();
    const [stored, readable] = [{ signals: this.signals, sources: this.sources }, { signals: this.readableSignals, sources: this.readableSources }];
    this.setMetadata(edited.metadata());
    this.readableSignals = readableAfterEdit(this.signals, stored.signals, readable.signals, (id) => id);
    this.readableSources = readableAfterEdit(this.sources, stored.sources, readable.sources, (source) => source.assetId);
    this.updatedAt = now;
    return applied;
  }

  /** Changes who may read a published version; its content stays as published. Owners and publishers may. */
  changeAccess(actor: Actor, access: AccessSettings, now: Date): Partial<AccessSettings> {
    if (this.capacitiesOf(actor).length === 0) throw AssetError.notOwner(this.assetId);
    if (this.status !== 'published') throw AssetError.notPublished(this.assetId);
    const contradiction = accessContradiction(access, true);
    if (contradiction) throw AssetError.accessInconsistent(contradiction === 'restricted_without_names');
    const applied: Partial<AccessSettings> = {};
    for (const field of ACCESS_FIELDS) {
      if (JSON.stringify(access[field]) !== JSON.stringify(this[field])) Object.assign(applied, { [field]: access[field] });
    }
    if (Object.keys(applied).length === 0) return applied;
    Object.assign(this, applied);
    this.updatedAt = now;
    return applied;
  }

  /**
   * Moves the version along its lifecycle if the actor may, recording nothing itself: the use case
   * writes the history row and the event from the returned transition.
   */
  transition(actor: Actor | 'successor', to: AssetStatus, reason: string | null, now: Date): Transition {
    const from = this.status;
    const capacities: Capacity[] = actor === 'successor' ? ['successor'] : this.capacitiesOf(actor);
    const refusal = ASSET_LIFECYCLE.refusalOf(from, to, capacities);
    if (refusal) throw AssetError.transitionRefused(this.assetId, refusal);
    const written = reason?.trim() || null;
    if ((to === 'retired' || (from === 'in_review' && to === 'draft')) && !written) throw AssetError.reasonRequired(this.assetId, to);
    if (to === 'in_review') {
      const { missingRequired } = this.quality();
      if (missingRequired.length > 0) throw AssetError.incomplete(this.assetId, missingRequired);
    }
    this.status = to;
    if (to === 'published') this.publishedAt = now;
    this.updatedAt = now;
    return { from, to, reason: written };
  }

  /** A draft may be restricted before naming anyone (submission requires it); a published version may not. */
  private assertAccessConsistent(complete: boolean): void {
    const contradiction = accessContradiction(this, complete);
    if (contradiction) throw AssetError.accessInconsistent(contradiction === 'restricted_without_names');
  }

  private setMetadata(metadata: AssetMetadata): void {
    const misplaced = misplacedForesightFields(metadata.type, metadata);
    if (misplaced.length > 0) throw ForesightError.fieldNotForType(metadata.type, misplaced);
    Object.assign(this, metadata, withForesightDefaults(metadata.type, metadata));
    this.ownerIds = [...new Set(metadata.creators.map((creator) => creator.staffId).filter((id): id is string => id !== null))];
  }
}
