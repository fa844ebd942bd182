import { ApiProperty } from '@nestjs/swagger';
import { NoNulCharacters } from '#ikm/http';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, Length } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateIdeaDto {
  @ApiProperty({ minLength: 3, maxLength: 200, example: 'Shared translation memory for field offices' })
  @Transform(trim)
  @IsString()
  @Length(3, 200)
  @NoNulCharacters()
  title: string;

  @ApiProperty({ maxLength: 5000, description: 'The problem the idea addresses.' })
  @Transform(trim)
  @IsString()
  @Length(1, 5000)
  @NoNulCharacters()
  problem: string;

  @ApiProperty({ maxLength: 10000, description: 'What is proposed.' })
  @Transform(trim)
  @IsString()
  @Length(1, 10000)
  @NoNulCharacters()
  proposal: string;

  // No initializer here: PartialType copies initializers, and an edit would then reset the themes.
  @ApiProperty({ type: [String], maxItems: 10, required: false, example: ['knowledge-sharing'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  @NoNulCharacters({ each: true })
  themes?: string[];
}
