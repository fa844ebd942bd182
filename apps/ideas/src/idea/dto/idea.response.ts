import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IDEA_STATUSES, type IdeaStatus } from '#ikm/contracts';
import { PageResponse } from '#ikm/pagination';
import type { Actor, ExpectedBenefits, Idea } from '../idea.entity.js';
import type { TeamMember } from '../idea-team.js';
import type { SimilarWork } from '../../similar-work/similar-work.repository.js';

export class TeamMemberResponse {
  @ApiProperty() userId: string;
  @ApiProperty({ enum: ['author', 'coauthor'] }) role: 'author' | 'coauthor';
  @ApiProperty({ enum: ['invited', 'accepted'] }) status: 'invited' | 'accepted';
  @ApiProperty() invitedBy: string;
  @ApiProperty({ format: 'date-time' }) invitedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) joinedAt: string | null;
}

export class ExpectedBenefitsResponse {
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: Number }) annualSavingsUsd: number | null;
  @ApiProperty({ nullable: true, type: Number }) staffHours: number | null;
}

export class SimilarIdeaResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: IDEA_STATUSES }) status: IdeaStatus;
  @ApiProperty({ description: '0 to 1' }) score: number;
}

export class SimilarAssetResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Title in each language it has.', type: 'object', additionalProperties: { type: 'string' } })
  title: Record<string, string>;
  @ApiProperty() type: string;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ description: '0 to 1' }) score: number;
}

export class SimilarWorkResponse {
  @ApiProperty({ description: 'True when anything similar was found: look before you build.' }) flagged: boolean;
  @ApiProperty({ type: [SimilarIdeaResponse] }) ideas: SimilarIdeaResponse[];
  @ApiProperty({ type: [SimilarAssetResponse] }) knowledgeAssets: SimilarAssetResponse[];
}

export class IdeaResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() problem: string;
  @ApiProperty() proposal: string;
  @ApiProperty({ type: [String] }) themes: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) challengeId: string | null;
  @ApiProperty({ type: ExpectedBenefitsResponse, nullable: true }) expectedBenefits: ExpectedBenefits | null;
  @ApiProperty({ type: [String], format: 'uuid' }) knowledgeAssetIds: string[];
  @ApiProperty({ enum: IDEA_STATUSES }) status: IdeaStatus;
  @ApiProperty() authorId: string;
  @ApiProperty({ nullable: true, type: String }) originUnit: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ type: [TeamMemberResponse] }) team: TeamMember[];
  @ApiProperty({ type: 'integer' }) endorsementCount: number;
  @ApiProperty({ type: 'integer', description: 'Incremented by every change; send it back in If-Match (as the ETag, e.g. `"3"`) to change safely.' }) version: number;
  @ApiProperty({ enum: IDEA_STATUSES, isArray: true, description: 'The transitions you could make now.' }) allowedTransitions: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiPropertyOptional({ type: SimilarWorkResponse, description: 'On submission: similar ideas and knowledge assets.' })
  similarWork?: SimilarWork;

  static of(idea: Idea, viewer: Actor, similarWork?: SimilarWork): IdeaResponse {
    return {
      id: idea.id,
      title: idea.title,
      problem: idea.problem,
      proposal: idea.proposal,
      themes: idea.themes,
      challengeId: idea.challengeId,
      expectedBenefits: idea.expectedBenefits,
      knowledgeAssetIds: idea.knowledgeAssetIds,
      status: idea.status,
      authorId: idea.authorId,
      originUnit: idea.originUnit,
      region: idea.region,
      team: idea.team,
      endorsementCount: idea.endorsementCount ?? 0,
      version: idea.version,
      allowedTransitions: idea.transitionsFor(viewer),
      createdAt: idea.createdAt.toISOString(),
      updatedAt: idea.updatedAt.toISOString(),
      submittedAt: idea.submittedAt?.toISOString() ?? null,
      ...(similarWork ? { similarWork } : {}),
    };
  }
}

export class IdeaPageResponse extends PageResponse(IdeaResponse) {}

export class TransitionResponse {
  @ApiProperty({ enum: IDEA_STATUSES }) from: IdeaStatus;
  @ApiProperty({ enum: IDEA_STATUSES }) to: IdeaStatus;
  @ApiProperty() actorId: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}
