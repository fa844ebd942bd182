import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '#ikm/auth';
import { uuidParam } from '#ikm/http';
import { AssignReviewerDto, ReviewResponse, ScorecardDto } from './dto/review.dto.js';
import { AssignReviewerUseCase } from './use-cases/assign-reviewer.use-case.js';
import { GetReviewUseCase } from './use-cases/get-review.use-case.js';
import { SubmitScorecardUseCase } from './use-cases/submit-scorecard.use-case.js';

@ApiTags('review')
@Controller(':id/review')
export class ReviewController {
  constructor(
    private readonly getReview: GetReviewUseCase,
    private readonly assignReviewer: AssignReviewerUseCase,
    private readonly submitScorecard: SubmitScorecardUseCase,
  ) {}

  @ApiOperation({ summary: 'An idea’s review: reviewers, scorecards, weighted score' })
  @Get()
  @ApiOkResponse({ type: ReviewResponse })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<ReviewResponse> {
    return this.getReview.execute({ user, ideaId: id });
  }

  @ApiOperation({ summary: 'Assign a reviewer' })
  @Post('reviewers')
  @Roles('ikmu_admin')
  @ApiCreatedResponse({ type: ReviewResponse })
  @ApiForbiddenResponse({ description: 'IKMU administrators assign reviewers.' })
  @ApiConflictResponse({ description: 'The reviewer is on the team, already assigned, or the idea is not submitted or in review.' })
  assign(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Body() body: AssignReviewerDto): Promise<ReviewResponse> {
    return this.assignReviewer.execute({ user, ideaId: id, reviewerId: body.reviewerId });
  }

  @ApiOperation({ summary: 'Submit or replace your scorecard' })
  @Put('scorecard')
  @Roles('reviewer', 'ikmu_admin')
  @ApiOkResponse({ type: ReviewResponse, description: 'Your scorecard (replacing an earlier one) and the review so far.' })
  @ApiForbiddenResponse({ description: 'Not an assigned reviewer.' })
  score(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Body() body: ScorecardDto): Promise<ReviewResponse> {
    return this.submitScorecard.execute({ user, ideaId: id, scores: body.scores });
  }
}
