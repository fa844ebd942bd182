import { Module } from '@nestjs/common';
import { IdeaModule } from '../idea/idea.module.js';
import { CommentController } from './comment.controller.js';
import { CommentRepository } from './comment.repository.js';
import { CommentOnIdeaUseCase } from './use-cases/comment-on-idea.use-case.js';

@Module({
  imports: [IdeaModule],
  controllers: [CommentController],
  providers: [CommentRepository, CommentOnIdeaUseCase],
})
export class CommentModule {}
