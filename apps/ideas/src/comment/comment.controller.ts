import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, INTERNAL_ROLES, Roles, type AuthenticatedUser } from '#ikm/auth';
import { uuidParam } from '#ikm/http';
import { CommentBodyDto, CommentResponse, HideCommentDto } from './dto/comment.dto.js';
import { CommentOnIdeaUseCase, MODERATOR_ROLES } from './use-cases/comment-on-idea.use-case.js';

@ApiTags('comments')
@Controller(':id/comments')
export class CommentController {
  constructor(private readonly comments: CommentOnIdeaUseCase) {}

  @ApiOperation({ summary: 'List the comments on an idea' })
  @Get()
  @ApiOkResponse({ type: [CommentResponse], description: 'Oldest first; deleted ones left out, hidden ones without their text.' })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<CommentResponse[]> {
    return this.comments.list({ user, ideaId: id });
  }

  @ApiOperation({ summary: 'Comment on an idea' })
  @Post()
  @Roles(...INTERNAL_ROLES)
  @ApiCreatedResponse({ type: CommentResponse })
  post(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Body() body: CommentBodyDto): Promise<CommentResponse> {
    return this.comments.post({ user, ideaId: id, body: body.body });
  }

  @ApiOperation({ summary: 'Edit your comment' })
  @Patch(':commentId')
  @Roles(...INTERNAL_ROLES)
  @ApiOkResponse({ type: CommentResponse })
  @ApiForbiddenResponse({ description: 'Not your comment.' })
  edit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('commentId', uuidParam('commentId')) commentId: string,
    @Body() body: CommentBodyDto,
  ): Promise<CommentResponse> {
    return this.comments.edit({ user, ideaId: id, commentId, body: body.body });
  }

  @ApiOperation({ summary: 'Delete your comment' })
  @Delete(':commentId')
  @Roles(...INTERNAL_ROLES)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Not your comment.' })
  async delete(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Param('commentId', uuidParam('commentId')) commentId: string): Promise<void> {
    await this.comments.delete({ user, ideaId: id, commentId });
  }

  @ApiOperation({ summary: 'Hide a comment (moderation)' })
  @Post(':commentId/hide')
  @Roles(...MODERATOR_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: CommentResponse })
  @ApiForbiddenResponse({ description: 'Moderators only (facilitator, ikmu_admin).' })
  hide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('commentId', uuidParam('commentId')) commentId: string,
    @Body() body: HideCommentDto,
  ): Promise<CommentResponse> {
    return this.comments.hide({ user, ideaId: id, commentId, reason: body.reason });
  }
}
