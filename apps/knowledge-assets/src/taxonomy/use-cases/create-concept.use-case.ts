import { Injectable } from '@nestjs/common';
import { ConceptChangedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { Concept, type ConceptContent } from '../concept.entity.js';
import { conceptChanged } from '../concept-changed.event.js';
import { TaxonomyGraph } from '../taxonomy-graph.js';
import { TaxonomyRepository, type ConceptView } from '../taxonomy.repository.js';
import { TAXONOMY_SCHEME_ID } from '../taxonomy.seed.js';

/** Adds a concept to the scheme, checked against the scheme's concepts under its lock. */
@Injectable()
export class CreateConceptUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ content }: { content: ConceptContent }): Promise<ConceptView> {
    return this.dataSource.transaction(async (manager) => {
      await this.taxonomy.lockScheme(manager, TAXONOMY_SCHEME_ID);
      const concept = Concept.create(TAXONOMY_SCHEME_ID, content, new Date());
      new TaxonomyGraph(await this.taxonomy.graphOf(manager, TAXONOMY_SCHEME_ID)).assertAcceptable(concept);
      await this.taxonomy.insert(manager, concept);
      await this.outbox.append(manager, ConceptChangedV1, concept.id, conceptChanged(concept));
      return { concept, narrower: [] };
    });
  }
}
