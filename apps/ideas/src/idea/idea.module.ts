import { Module } from '@nestjs/common';
import { IdeaController } from './idea.controller.js';
import { IdeaRepository } from './idea.repository.js';
import { CreateIdeaUseCase } from './use-cases/create-idea.use-case.js';
import { GetIdeaUseCase } from './use-cases/get-idea.use-case.js';
import { ListIdeasUseCase } from './use-cases/list-ideas.use-case.js';
import { SubmitIdeaUseCase } from './use-cases/submit-idea.use-case.js';
import { UpdateDraftUseCase } from './use-cases/update-draft.use-case.js';

@Module({
  controllers: [IdeaController],
  providers: [IdeaRepository, CreateIdeaUseCase, UpdateDraftUseCase, SubmitIdeaUseCase, GetIdeaUseCase, ListIdeasUseCase],
})
export class IdeaModule {}
