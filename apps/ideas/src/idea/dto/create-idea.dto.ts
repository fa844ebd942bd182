import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsNumeric, NestedObject, NoNulCharacters, Omittable, trimmed } from '#ikm/http';
import { ThemeList } from '../../common/theme-list.decorator.js';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';

export class ExpectedBenefitsDto {
  @ApiProperty({ maxLength: 2000, description: 'The benefits expected, in words.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 2000)
  @NoNulCharacters()
  description: string;

  // Kept in jsonb, and bounded like the budget and benefit columns that hold the same amounts.
  @ApiPropertyOptional({ minimum: 0, nullable: true, type: Number, description: 'Estimated annual savings in USD.' })
  @IsOptional()
  @FitsNumeric(14, 2, { min: 0 })
  annualSavingsUsd: number | null = null;

  @ApiPropertyOptional({ minimum: 0, nullable: true, type: Number, description: 'Staff hours saved per year.' })
  @IsOptional()
  @FitsNumeric(12, 2, { min: 0, max: 1e9 })
  staffHours: number | null = null;
}

export class CreateIdeaDto {
  @ApiProperty({ minLength: 3, maxLength: 200, example: 'Shared translation memory for field offices' })
  @Transform(trimmed)
  @IsString()
  @Length(3, 200)
  @NoNulCharacters()
  title: string;

  @ApiProperty({ maxLength: 5000, description: 'The problem the idea addresses.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 5000)
  @NoNulCharacters()
  problem: string;

  @ApiProperty({ maxLength: 10000, description: 'What is proposed.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 10000)
  @NoNulCharacters()
  proposal: string;

  // No initializers on optional fields: PartialType copies initializers, and an edit would reset them.
  @ThemeList()
  themes?: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The challenge it answers; none for the always-open channel.' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  challengeId?: string | null;

  @ApiPropertyOptional({ type: ExpectedBenefitsDto, nullable: true })
  @IsOptional()
  @NestedObject(() => ExpectedBenefitsDto)
  expectedBenefits?: ExpectedBenefitsDto | null;

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'Knowledge assets this idea builds on, by id.' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  knowledgeAssetIds?: string[];
}
