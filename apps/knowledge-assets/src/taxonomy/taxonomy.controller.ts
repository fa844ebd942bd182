import { Body, Controller, Get, Header, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ikm/auth';
import { IfMatchVersion, RespondsWithEtag, uuidParam } from '#ikm/http';
import { PageQuery } from '#ikm/pagination';
import type { FastifyReply } from 'fastify';
import { ConceptPageResponse, ConceptResponse, CreateConceptDto, UpdateConceptDto } from './dto/concept.dto.js';
import { JSON_LD_MEDIA_TYPE } from './skos-jsonld.js';
import { CreateConceptUseCase } from './use-cases/create-concept.use-case.js';
import { ExportSchemeUseCase } from './use-cases/export-scheme.use-case.js';
import { GetConceptUseCase } from './use-cases/get-concept.use-case.js';
import { ListConceptsUseCase } from './use-cases/list-concepts.use-case.js';
import { UpdateConceptUseCase } from './use-cases/update-concept.use-case.js';

/** The taxonomy: read by everyone signed in, managed by km_officers and IKMU administrators. */
@ApiTags('taxonomy')
@Controller('taxonomy')
export class TaxonomyController {
  constructor(
    private readonly createConcept: CreateConceptUseCase,
    private readonly updateConcept: UpdateConceptUseCase,
    private readonly getConcept: GetConceptUseCase,
    private readonly listConcepts: ListConceptsUseCase,
    private readonly exportScheme: ExportSchemeUseCase,
  ) {}

  @ApiOperation({ summary: 'Add a concept to the taxonomy' })
  @Post('concepts')
  @RespondsWithEtag()
  @Roles('km_officer', 'ikmu_admin')
  @ApiCreatedResponse({ type: ConceptResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields, an unknown broader concept, or a preferred label repeated as an alternative one.' })
  @ApiConflictResponse({ description: 'Another concept has this preferred label in that language.' })
  @ApiForbiddenResponse({ description: 'The taxonomy is managed by km_officer and ikmu_admin.' })
  async create(@Body() body: CreateConceptDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ConceptResponse> {
    const created = await this.createConcept.execute({
      content: { prefLabel: body.prefLabel, altLabel: body.altLabel ?? {}, definition: body.definition ?? {}, broader: body.broader ?? [] },
    });
    // The service's own path (its routes are under /knowledge-assets); the gateway prefixes /api/v1.
    void reply.header('location', `/knowledge-assets/taxonomy/concepts/${created.concept.id}`);
    return ConceptResponse.of(created);
  }

  @ApiOperation({ summary: 'List the taxonomy’s concepts' })
  @Get('concepts')
  @ApiOkResponse({ type: ConceptPageResponse, description: 'Oldest first, keyset-paginated.' })
  async list(@Query() query: PageQuery): Promise<ConceptPageResponse> {
    const page = await this.listConcepts.execute(query);
    return { items: page.items.map((view) => ConceptResponse.of(view)), nextCursor: page.nextCursor };
  }

  @ApiOperation({ summary: 'Get a concept' })
  @Get('concepts/:id')
  // No 304 for If-None-Match: narrower follows other concepts' changes, which leave this one's version as it was.
  @RespondsWithEtag()
  @ApiOkResponse({ type: ConceptResponse })
  @ApiNotFoundResponse()
  async get(@Param('id', uuidParam('id')) id: string): Promise<ConceptResponse> {
    return ConceptResponse.of(await this.getConcept.execute({ conceptId: id }));
  }

  @ApiOperation({ summary: 'Change a concept’s labels, definitions or broader concepts' })
  @Patch('concepts/:id')
  @RespondsWithEtag()
  @Roles('km_officer', 'ikmu_admin')
  @ApiOkResponse({ type: ConceptResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields, the concept itself or an unknown concept as broader, or a preferred label repeated as an alternative one.' })
  @ApiConflictResponse({ description: 'The broader concepts would make a cycle, or another concept has this preferred label in that language.' })
  @ApiForbiddenResponse({ description: 'The taxonomy is managed by km_officer and ikmu_admin.' })
  async update(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateConceptDto,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<ConceptResponse> {
    return ConceptResponse.of(await this.updateConcept.execute({ conceptId: id, changes: body, expectedVersion }));
  }

  @ApiOperation({ summary: 'Export the taxonomy as SKOS in JSON-LD' })
  @Get('scheme.jsonld')
  @Header('content-type', JSON_LD_MEDIA_TYPE)
  @ApiProduces(JSON_LD_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'The concept scheme and every concept (skos:ConceptScheme, skos:Concept with prefLabel, altLabel, definition, broader, narrower, inScheme, topConceptOf), named by urn:uuid IRIs.',
    schema: { type: 'object', properties: { '@context': { type: 'object' }, '@graph': { type: 'array', items: { type: 'object' } } } },
  })
  exportSkos(): Promise<Record<string, unknown>> {
    return this.exportScheme.execute();
  }
}
