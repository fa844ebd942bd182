import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { NoNulCharacters } from '#ikm/http';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, Length } from 'class-validator';

/** An optional list of up to 10 distinct themes, as ideas and challenges take them. */
export function ThemeList(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems: 10, example: ['knowledge-sharing'] }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(10),
    ArrayUnique(),
    IsString({ each: true }),
    Length(1, 60, { each: true }),
    NoNulCharacters({ each: true }),
  );
}
