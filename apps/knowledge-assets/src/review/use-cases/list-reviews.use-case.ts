import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { todayUtc } from '../review-dates.js';
import { ReviewError } from '../review.errors.js';
import { ReviewRepository, type ReviewListItem, type ReviewStatus } from '../review.repository.js';

/** A unit's published assets by review-by date, for its km_officer or an ikmu_admin. */
@Injectable()
export class ListReviewsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewRepository,
  ) {}

  execute({ user, unit, status, limit }: { user: AuthenticatedUser; unit: string; status: ReviewStatus; limit: number }): Promise<ReviewListItem[]> {
    const officerOfUnit = user.roles.includes('km_officer') && user.unit === unit;
    if (!officerOfUnit && !user.roles.includes('ikmu_admin')) throw ReviewError.notReviewer(unit);
    return this.reviews.list(this.dataSource.manager, unit, todayUtc(), status, limit);
  }
}
