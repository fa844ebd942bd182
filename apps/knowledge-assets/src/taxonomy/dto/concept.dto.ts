import { ApiProperty } from '@nestjs/swagger';
import { LanguageMap, Omittable, PatchType } from '#ikm/http';
import { PageResponse } from '#ikm/pagination';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import type { ConceptView } from '../taxonomy.repository.js';

const LABEL_LENGTH = 200;
const DEFINITION_LENGTH = 4000;

export class CreateConceptDto {
  @LanguageMap({
    maxLength: LABEL_LENGTH,
    required: true,
    example: { en: 'Occupational safety and health', fr: 'Sécurité et santé au travail', es: 'Seguridad y salud en el trabajo' },
    description: 'The preferred label, at most one per BCP 47 language tag, at least one; unique in its language across the scheme.',
  })
  prefLabel: Record<string, string>;

  @Omittable()
  @LanguageMap({
    maxLength: LABEL_LENGTH,
    maxItemsPerLanguage: 20,
    example: { en: ['OSH'], fr: ['SST'] },
    description: 'Alternative labels (synonyms, acronyms) by language; none may repeat the preferred label of its language.',
  })
  altLabel?: Record<string, string[]>;

  @Omittable()
  @LanguageMap({ maxLength: DEFINITION_LENGTH, description: 'A definition per language.' })
  definition?: Record<string, string>;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    required: false,
    maxItems: 20,
    description: 'Concepts this one is narrower than; none makes it a top concept. No concept may end up broader than itself.',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  broader?: string[];
}

export class UpdateConceptDto extends PatchType(CreateConceptDto) {}

export class ConceptResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) schemeId: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { en: 'Forced labour', fr: 'Travail forcé', es: 'Trabajo forzoso' } })
  prefLabel: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }) altLabel: Record<string, string[]>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) definition: Record<string, string>;
  @ApiProperty({ type: [String], format: 'uuid' }) broader: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'The concepts whose broader concept this is.' }) narrower: string[];
  @ApiProperty({ description: 'Has no broader concept: a top concept of the scheme.' }) topConcept: boolean;
  @ApiProperty({ type: 'integer', description: 'Incremented by every change; send it back in If-Match (as the ETag, e.g. `"3"`) to change safely.' })
  version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of({ concept, narrower }: ConceptView): ConceptResponse {
    return {
      id: concept.id,
      schemeId: concept.schemeId,
      prefLabel: concept.prefLabel,
      altLabel: concept.altLabel,
      definition: concept.definition,
      broader: concept.broader,
      narrower,
      topConcept: concept.broader.length === 0,
      version: concept.version,
      createdAt: concept.createdAt.toISOString(),
      updatedAt: concept.updatedAt.toISOString(),
    };
  }
}

export class ConceptPageResponse extends PageResponse(ConceptResponse) {}
