import { ApiProperty } from '@nestjs/swagger';
import type { ReviewListItem, ReviewState } from '../review.repository.js';

class ReviewFlagsResponse {
  @ApiProperty({ description: 'Published longer than REVIEW_UNUSED_AFTER_DAYS (365) and nobody viewed or downloaded it in that time.' }) unused: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The last view or download recorded.' }) lastUsedAt: string | null;
  @ApiProperty({ type: [String], description: 'Other published assets you may see with the same DOI or Handle and a later issue date: a newer version elsewhere.' })
  replacedBy: string[];
}

/** The freshness of a version: when it should be looked at again, and whether it is due. */
export class AssetReviewResponse {
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The review-by date in force; null for an unpublished version with none set (its type’s default applies from publication).' })
  reviewBy: string | null;
  @ApiProperty({ enum: ['current', 'due', 'not_published'] }) status: 'current' | 'due' | 'not_published';
  @ApiProperty({ enum: ['default', 'set', 'confirmed'], description: 'Where the date comes from: the type’s period from publication, an owner, or a review.' }) source: 'default' | 'set' | 'confirmed';
  @ApiProperty({ type: String, nullable: true }) setBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) setAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the review-due event for this date went out.' }) dueNotifiedAt: string | null;
  @ApiProperty({ type: ReviewFlagsResponse }) flags: ReviewFlagsResponse;

  static of(state: ReviewState): AssetReviewResponse {
    return {
      reviewBy: state.reviewBy,
      status: state.status,
      source: state.source,
      setBy: state.setBy,
      setAt: state.setAt?.toISOString() ?? null,
      dueNotifiedAt: state.dueNotifiedAt?.toISOString() ?? null,
      flags: { unused: state.unused, lastUsedAt: state.lastUsedAt?.toISOString() ?? null, replacedBy: state.replacedBy },
    };
  }
}

export class ReviewListItemResponse {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ type: 'integer' }) versionNumber: number;
  @ApiProperty() type: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) title: Record<string, string>;
  @ApiProperty({ format: 'date' }) reviewBy: string;
  @ApiProperty({ enum: ['due', 'current'] }) status: 'due' | 'current';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueNotifiedAt: string | null;

  static of(item: ReviewListItem): ReviewListItemResponse {
    return { ...item, dueNotifiedAt: item.dueNotifiedAt?.toISOString() ?? null };
  }
}

export class ReviewListResponse {
  @ApiProperty({ type: [ReviewListItemResponse], description: 'Oldest review-by date first.' }) items: ReviewListItemResponse[];
}

export class ReviewJobResponse {
  @ApiProperty({ description: 'False when another instance was running the job (it holds the lock).' }) ran: boolean;
  @ApiProperty({ type: 'integer', description: 'Review-due events emitted.' }) reviewDue: number;
  @ApiProperty({ type: 'integer', description: 'Usage-recorded events emitted (one per asset used yesterday).' }) usageDays: number;
}
