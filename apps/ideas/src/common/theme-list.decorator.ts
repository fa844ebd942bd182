import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { NoNulCharacters, Omittable } from '#ikm/http';
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, Length } from 'class-validator';

/** An optional list of up to 10 distinct themes, as ideas and challenges take them (never null: [] for none). */
export function ThemeList(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems: 10, example: ['knowledge-sharing'] }),
    Omittable(),
    IsArray(),
    ArrayMaxSize(10),
    ArrayUnique(),
    IsString({ each: true }),
    Length(1, 60, { each: true }),
    NoNulCharacters({ each: true }),
  );
}
