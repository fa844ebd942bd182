import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IDEA_STATUSES, type IdeaStatus } from '#ikm/contracts';
import { NoNulCharacters } from '#ikm/http';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class TransitionIdeaDto {
  @ApiProperty({ enum: IDEA_STATUSES, description: 'The state to move the idea to.' })
  @IsIn(IDEA_STATUSES)
  to: IdeaStatus;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Why; required (feedback to the team) for not_pursued.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  @NoNulCharacters()
  reason?: string;
}

export class InviteCoauthorDto {
  @ApiProperty({ description: 'Subject of the colleague to invite.' })
  @IsString()
  @Length(1, 200)
  @NoNulCharacters()
  userId: string;
}
