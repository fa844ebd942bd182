import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentUser, INTERNAL_ROLES, Roles, type AuthenticatedUser } from '#ikm/auth';
import { IfMatchVersion, RespondsWithEtag, uuidParam } from '#ikm/http';
import { actorOf } from '../asset/actor.js';
import { AssetResponse } from '../asset/dto/asset.response.js';
import { ConfirmReviewDto, ListReviewsQuery, SetReviewDateDto } from './dto/review.dto.js';
import { ReviewJobResponse, ReviewListItemResponse, ReviewListResponse } from './dto/review.response.js';
import { ConfirmReviewUseCase } from './use-cases/confirm-review.use-case.js';
import { ListReviewsUseCase } from './use-cases/list-reviews.use-case.js';
import { RunReviewJobUseCase } from './use-cases/run-review-job.use-case.js';
import { SetReviewDateUseCase } from './use-cases/set-review-date.use-case.js';

const WITH_REVISION_ETAG = { versionOf: (body: AssetResponse) => body.revision };

@ApiTags('knowledge assets')
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@Controller()
export class ReviewController {
  constructor(
    private readonly setReviewDate: SetReviewDateUseCase,
    private readonly confirmReview: ConfirmReviewUseCase,
    private readonly listReviews: ListReviewsUseCase,
    private readonly runJob: RunReviewJobUseCase,
  ) {}

  @ApiOperation({ summary: 'Set the review-by date of the draft or the published version' })
  @Put('assets/:id/review')
  @RespondsWithEtag(WITH_REVISION_ETAG)
  @Roles(...INTERNAL_ROLES)
  @ApiOkResponse({ type: AssetResponse, description: 'The version with its review block.' })
  @ApiBadRequestResponse({ description: 'A date not after today, or more than ten years ahead.' })
  @ApiForbiddenResponse({ description: 'Not one of its owners or publishers.' })
  @ApiNotFoundResponse({ description: 'No such asset visible to you.' })
  @ApiConflictResponse({ description: 'Its latest version is in review, superseded or retired.' })
  async set(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: SetReviewDateDto,
    @IfMatchVersion() expectedRevision: number | undefined,
  ): Promise<AssetResponse> {
    return AssetResponse.of(await this.setReviewDate.execute({ user, assetId: id, reviewBy: body.reviewBy, expectedRevision }), actorOf(user));
  }

  @ApiOperation({ summary: 'Confirm a published asset after its review: a new review-by date' })
  @Post('assets/:id/review/confirmations')
  @HttpCode(200)
  @RespondsWithEtag(WITH_REVISION_ETAG)
  @Roles('km_officer', 'ikmu_admin')
  @ApiOkResponse({ type: AssetResponse, description: 'The published version with its new review-by date.' })
  @ApiBadRequestResponse({ description: 'A date not after today, or more than ten years ahead.' })
  @ApiForbiddenResponse({ description: 'Not the km_officer of its unit nor an ikmu_admin.' })
  @ApiNotFoundResponse({ description: 'No such asset visible to you.' })
  @ApiConflictResponse({ description: 'No published version.' })
  async confirm(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ConfirmReviewDto,
    @IfMatchVersion() expectedRevision: number | undefined,
  ): Promise<AssetResponse> {
    return AssetResponse.of(await this.confirmReview.execute({ user, assetId: id, reviewBy: body.reviewBy, expectedRevision }), actorOf(user));
  }

  @ApiOperation({ summary: 'A unit’s published assets due (or not yet due) for review' })
  @Get('reviews')
  @Roles('km_officer', 'ikmu_admin')
  @ApiOkResponse({ type: ReviewListResponse })
  @ApiForbiddenResponse({ description: 'Not the km_officer of that unit nor an ikmu_admin.' })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListReviewsQuery): Promise<ReviewListResponse> {
    const items = await this.listReviews.execute({ user, unit: query.unit, status: query.status, limit: query.limit });
    return { items: items.map(ReviewListItemResponse.of) };
  }

  @ApiOperation({ summary: 'Run the daily review job now (review-due and usage events)' })
  @Post('reviews/job-runs')
  @HttpCode(200)
  @Roles('ikmu_admin')
  @ApiOkResponse({ type: ReviewJobResponse })
  run(): Promise<ReviewJobResponse> {
    return this.runJob.execute();
  }
}
