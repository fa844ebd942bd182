import { ApiProperty } from '@nestjs/swagger';
import { IDEA_STATUSES, type IdeaStatus } from '#ikm/contracts';
import type { Idea } from '../idea.entity.js';

export class IdeaResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() problem: string;
  @ApiProperty() proposal: string;
  @ApiProperty({ type: [String] }) themes: string[];
  @ApiProperty({ enum: IDEA_STATUSES }) status: IdeaStatus;
  @ApiProperty() authorId: string;
  @ApiProperty({ description: 'Incremented by every change; send it back in If-Match to edit safely.' })
  version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;

  static of(idea: Idea): IdeaResponse {
    return {
      id: idea.id,
      title: idea.title,
      problem: idea.problem,
      proposal: idea.proposal,
      themes: idea.themes,
      status: idea.status,
      authorId: idea.authorId,
      version: idea.version,
      createdAt: idea.createdAt.toISOString(),
      updatedAt: idea.updatedAt.toISOString(),
      submittedAt: idea.submittedAt?.toISOString() ?? null,
    };
  }
}

export class IdeaPageResponse {
  @ApiProperty({ type: [IdeaResponse] }) items: IdeaResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor: string | null;
}
