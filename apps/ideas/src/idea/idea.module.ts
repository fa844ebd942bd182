import { Module } from '@nestjs/common';
import { ChallengeModule } from '../challenge/challenge.module.js';
import { ReviewRepository } from '../review/review.repository.js';
import { SimilarWorkRepository } from '../similar-work/similar-work.repository.js';
import { IdeaController } from './idea.controller.js';
import { IdeaRepository } from './idea.repository.js';
import { TransitionRecorder } from './transition-recorder.js';
import { AcceptInvitationUseCase } from './use-cases/accept-invitation.use-case.js';
import { CreateIdeaUseCase } from './use-cases/create-idea.use-case.js';
import { FindSimilarWorkUseCase } from './use-cases/find-similar-work.use-case.js';
import { GetHistoryUseCase } from './use-cases/get-history.use-case.js';
import { GetIdeaUseCase } from './use-cases/get-idea.use-case.js';
import { InviteCoauthorUseCase } from './use-cases/invite-coauthor.use-case.js';
import { ListIdeasUseCase } from './use-cases/list-ideas.use-case.js';
import { TransitionIdeaUseCase } from './use-cases/transition-idea.use-case.js';
import { UpdateDraftUseCase } from './use-cases/update-draft.use-case.js';

@Module({
  imports: [ChallengeModule],
  controllers: [IdeaController],
  providers: [
    IdeaRepository,
    TransitionRecorder,
    SimilarWorkRepository,
    // Review assignments: the transition to accepted and the team's invitations read them too.
    ReviewRepository,
    CreateIdeaUseCase,
    UpdateDraftUseCase,
    TransitionIdeaUseCase,
    InviteCoauthorUseCase,
    AcceptInvitationUseCase,
    GetIdeaUseCase,
    GetHistoryUseCase,
    ListIdeasUseCase,
    FindSimilarWorkUseCase,
  ],
  exports: [IdeaRepository, TransitionRecorder, ReviewRepository],
})
export class IdeaModule {}
