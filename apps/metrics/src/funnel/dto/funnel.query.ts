import { ApiPropertyOptional } from '@nestjs/swagger';
import { NoNulCharacters } from '#ikm/http';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class FunnelQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only ideas answering this challenge.' })
  @IsOptional()
  @IsUUID()
  challengeId?: string;

  @ApiPropertyOptional({ description: 'Only ideas from this region.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @NoNulCharacters()
  region?: string;
}
