import { Injectable } from '@nestjs/common';
import { ConceptChangedV1 } from '#ikm/contracts';
import { assertExpectedVersion } from '#ikm/domain';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import type { ConceptContent } from '../concept.entity.js';
import { conceptChanged } from '../concept-changed.event.js';
import { TaxonomyGraph } from '../taxonomy-graph.js';
import { TaxonomyError } from '../taxonomy.errors.js';
import { TaxonomyRepository, type ConceptView } from '../taxonomy.repository.js';

export interface UpdateConceptCommand {
  conceptId: string;
  changes: Partial<ConceptContent>;
  /** From If-Match: refuse the change when someone else changed the concept meanwhile. */
  expectedVersion?: number;
}

/** Changes a concept's labels, definitions or place in the hierarchy, checked under the scheme's lock. */
@Injectable()
export class UpdateConceptUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ conceptId, changes, expectedVersion }: UpdateConceptCommand): Promise<ConceptView> {
    return this.dataSource.transaction(async (manager) => {
      const schemeId = await this.taxonomy.lockSchemeOf(manager, conceptId);
      const { concept } = await this.taxonomy.get(manager, conceptId);
      assertExpectedVersion(expectedVersion, concept.version, (expected, actual) => TaxonomyError.versionMismatch(conceptId, expected, actual));
      const applied = concept.edit(changes, new Date());
      if (Object.keys(applied).length > 0) {
        new TaxonomyGraph(await this.taxonomy.graphOf(manager, schemeId)).assertAcceptable(concept);
        await this.taxonomy.update(manager, concept, applied.broader !== undefined);
        await this.outbox.append(manager, ConceptChangedV1, concept.id, conceptChanged(concept));
      }
      return this.taxonomy.get(manager, conceptId);
    });
  }
}
