import { Module } from '@nestjs/common';
import { IdeaModule } from '../idea/idea.module.js';
import { CommentController } from './comment.controller.js';
import { CommentRepository } from './comment.repository.js';
import { DeleteCommentUseCase } from './use-cases/delete-comment.use-case.js';
import { EditCommentUseCase } from './use-cases/edit-comment.use-case.js';
import { HideCommentUseCase } from './use-cases/hide-comment.use-case.js';
import { ListCommentsUseCase } from './use-cases/list-comments.use-case.js';
import { PostCommentUseCase } from './use-cases/post-comment.use-case.js';

@Module({
  imports: [IdeaModule],
  controllers: [CommentController],
  providers: [CommentRepository, ListCommentsUseCase, PostCommentUseCase, EditCommentUseCase, DeleteCommentUseCase, HideCommentUseCase],
})
export class CommentModule {}
