import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_LEVELS, ASSET_STATUSES, ASSET_TYPES, ILO_REGIONS, type AccessLevel, type CapturedFrom, type AssetStatus, type AssetType, type IloRegion } from '#ikm/contracts';
import { PageResponse } from '#ikm/pagination';
import { UploadedFileResponse } from '../../file/dto/file.response.js';
import { AssetReviewResponse } from '../../review/dto/review.response.js';
import { ForesightResponseFields, foresightResponseFields } from '../../foresight/dto/foresight.response.js';
import type { Actor, AssetVersion } from '../asset.entity.js';
import type { Creator, FileLink, PersistentIdentifier, SourceReference } from '../metadata/asset-metadata.js';
import type { MetadataQuality } from '../metadata/metadata-quality.js';
import { CreatorDto, FileLinkDto, PersistentIdentifierDto, SourceReferenceDto } from './asset-metadata.dto.js';

const multilingual = { type: 'object', additionalProperties: { type: 'string' } } as const;

export class MetadataQualityResponse {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: 'Share of the Dublin Core elements the record answers.' }) score: number;
  @ApiProperty({ type: [String], example: ['rights', 'format'], description: 'Dublin Core elements it lacks.' }) missing: string[];
  @ApiProperty({ type: [String], example: ['dateIssued'], description: 'Fields it needs before it can be submitted for review.' }) missingRequired: string[];
}

/** The other service's record an automatically captured asset was made from. */
export class CapturedFromResponse {
  @ApiProperty({ example: 'ideas' }) service: string;
  @ApiProperty({ example: 'experiment' }) aggregateType: string;
  @ApiProperty() aggregateId: string;
  @ApiProperty({ description: 'The CloudEvents id of the event that brought it.' }) eventId: string;
  @ApiProperty({ example: 'ikm.ideas.experiment.concluded.v1' }) eventType: string;
  @ApiProperty({ example: '/api/v1/ideas/0b6c2d1e-6f5d-4c1e-9a35-3f5b8f1d2a10', description: 'The source under the gateway.' }) url: string;
}

export class AssetResponse extends ForesightResponseFields {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', description: 'This version’s number; every version is at /assets/{id}/versions/{versionNumber}.' }) versionNumber: number;
  @ApiProperty({ type: 'integer', description: 'The asset’s revision, counted over all its versions; send it back in If-Match (as the ETag, e.g. `"3"`).' }) revision: number;
  @ApiProperty({ enum: ASSET_STATUSES }) status: AssetStatus;
  @ApiProperty({ enum: ASSET_TYPES }) type: AssetType;
  @ApiProperty(multilingual) title: Record<string, string>;
  @ApiProperty({ ...multilingual, nullable: true, description: 'Null while `contentEmbargoed`.' }) abstract: Record<string, string> | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }) keywords: Record<string, string[]>;
  @ApiProperty({ type: [CreatorDto] }) creators: Creator[];
  @ApiProperty() publishingUnit: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) dateIssued: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [String] }) subjects: string[];
  @ApiProperty({ type: [String] }) countries: string[];
  @ApiProperty({ enum: ILO_REGIONS, isArray: true }) regions: IloRegion[];
  @ApiProperty({ type: SourceReferenceDto, nullable: true }) source: SourceReference | null;
  @ApiProperty({ type: PersistentIdentifierDto, nullable: true }) persistentIdentifier: PersistentIdentifier | null;
  @ApiProperty({ nullable: true, type: String }) licence: string | null;
  @ApiProperty({ enum: ACCESS_LEVELS }) accessLevel: AccessLevel;
  @ApiProperty({ type: [String] }) restrictedToUnits: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) restrictedToCommunities: string[];
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Until this date the content (abstract and files) is withheld from all but the owners, the unit’s km_officers and ikmu_admins; the record stays visible.' })
  embargoUntil: string | null;
  @ApiProperty({
    description: 'True when you see the record of an embargoed version but not its content: `abstract`, `files` and `uploadedFiles` are null until `embargoUntil`, and its files answer 403 FILE_UNDER_EMBARGO.',
  })
  contentEmbargoed: boolean;
  @ApiProperty({ type: [FileLinkDto], nullable: true, description: 'Null while `contentEmbargoed`.' }) files: FileLink[] | null;
  @ApiProperty({ type: [UploadedFileResponse], nullable: true, description: 'Files uploaded to this version, each downloadable at its url; null while `contentEmbargoed`.' })
  uploadedFiles: UploadedFileResponse[] | null;
  @ApiProperty({ type: MetadataQualityResponse }) quality: MetadataQuality;
  @ApiProperty({ type: CapturedFromResponse, nullable: true, description: 'Set on a draft captured automatically from another service’s event.' })
  capturedFrom: CapturedFrom | null;
  @ApiProperty({ enum: ASSET_STATUSES, isArray: true, description: 'The transitions you could make now.' }) allowedTransitions: AssetStatus[];
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt: string | null;
  @ApiPropertyOptional({ type: AssetReviewResponse, description: 'Its freshness: review-by date, whether a review is due, and the flags (unused, a newer version elsewhere). On an asset or version read alone, not in lists.' })
  review?: AssetReviewResponse;

  static of(version: AssetVersion, viewer: Actor): AssetResponse {
    return {
      id: version.assetId,
      versionNumber: version.number,
      revision: version.revision,
      status: version.status,
      ...version.metadata(),
      contentEmbargoed: version.contentEmbargoed,
      uploadedFiles: version.uploadedFiles.map((file) => UploadedFileResponse.of(version.assetId, version.number, file)),
      // The record of an embargoed version, without its content (asset-visibility.ts).
      ...(version.contentEmbargoed ? { abstract: null, files: null, uploadedFiles: null } : {}),
      ...foresightResponseFields(version),
      quality: version.quality(),
      capturedFrom: version.capturedFrom ?? null,
      allowedTransitions: version.transitionsFor(viewer),
      createdBy: version.createdBy,
      createdAt: version.createdAt.toISOString(),
      updatedAt: version.updatedAt.toISOString(),
      publishedAt: version.publishedAt?.toISOString() ?? null,
      ...(version.review ? { review: AssetReviewResponse.of(version.review) } : {}),
    };
  }
}

/** Each item: the asset's latest version the caller may see. */
export class AssetPageResponse extends PageResponse(AssetResponse) {}

export class AssetTransitionResponse {
  @ApiProperty({ type: 'integer' }) versionNumber: number;
  @ApiProperty({ enum: ASSET_STATUSES }) from: AssetStatus;
  @ApiProperty({ enum: ASSET_STATUSES }) to: AssetStatus;
  @ApiProperty() actorId: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}
