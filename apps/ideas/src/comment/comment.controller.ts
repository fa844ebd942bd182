import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, INTERNAL_ROLES, Roles, type AuthenticatedUser } from '#ikm/auth';
import { uuidParam } from '#ikm/http';
import { CommentBodyDto, CommentResponse, HideCommentDto } from './dto/comment.dto.js';
import { MODERATOR_ROLES } from './comment-access.js';
import { DeleteCommentUseCase } from './use-cases/delete-comment.use-case.js';
import { EditCommentUseCase } from './use-cases/edit-comment.use-case.js';
import { HideCommentUseCase } from './use-cases/hide-comment.use-case.js';
import { ListCommentsUseCase } from './use-cases/list-comments.use-case.js';
import { PostCommentUseCase } from './use-cases/post-comment.use-case.js';

@ApiTags('comments')
@Controller(':id/comments')
export class CommentController {
  constructor(
    private readonly listComments: ListCommentsUseCase,
    private readonly postComment: PostCommentUseCase,
    private readonly editComment: EditCommentUseCase,
    private readonly deleteComment: DeleteCommentUseCase,
    private readonly hideComment: HideCommentUseCase,
  ) {}

  @ApiOperation({ summary: 'List the comments on an idea' })
  @Get()
  @ApiOkResponse({ type: [CommentResponse], description: 'Oldest first; deleted ones left out, hidden ones without their text.' })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<CommentResponse[]> {
    return this.listComments.execute({ user, ideaId: id });
  }

  @ApiOperation({ summary: 'Comment on an idea' })
  @Post()
  @Roles(...INTERNAL_ROLES)
  @ApiCreatedResponse({ type: CommentResponse })
  post(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Body() body: CommentBodyDto): Promise<CommentResponse> {
    return this.postComment.execute({ user, ideaId: id, body: body.body });
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
    return this.editComment.execute({ user, ideaId: id, commentId, body: body.body });
  }

  @ApiOperation({ summary: 'Delete your comment' })
  @Delete(':commentId')
  @Roles(...INTERNAL_ROLES)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Not your comment.' })
  async delete(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Param('commentId', uuidParam('commentId')) commentId: string): Promise<void> {
    await this.deleteComment.execute({ user, ideaId: id, commentId });
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
    return this.hideComment.execute({ user, ideaId: id, commentId, reason: body.reason });
  }
}
