import { ApiProperty } from '@nestjs/swagger';
import { NoNulCharacters, trimmed } from '#ikm/http';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

export class CommentBodyDto {
  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 5000)
  @NoNulCharacters()
  body: string;
}

export class HideCommentDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, description: 'Why it is hidden, shown to its author.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 1000)
  @NoNulCharacters()
  reason: string;
}

export class CommentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ideaId: string;
  @ApiProperty() authorId: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null when hidden (except for its author and moderators) or deleted.' })
  body: string | null;
  @ApiProperty({ enum: ['visible', 'hidden', 'deleted'] }) status: 'visible' | 'hidden' | 'deleted';
  @ApiProperty({ nullable: true, type: String }) hiddenReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
