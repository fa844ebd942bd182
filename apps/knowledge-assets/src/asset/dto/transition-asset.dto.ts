import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSET_STATUSES, type AssetStatus } from '#ikm/contracts';
import { NoNulCharacters } from '#ikm/http';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class TransitionAssetDto {
  @ApiProperty({ enum: ASSET_STATUSES, description: 'in_review (submit), published, draft (send back), retired.' })
  @IsIn(ASSET_STATUSES)
  to: AssetStatus;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Why; required to send back and to retire.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  @NoNulCharacters()
  reason?: string;
}
