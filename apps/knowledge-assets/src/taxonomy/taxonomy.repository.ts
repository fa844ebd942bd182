import { Injectable } from '@nestjs/common';
import { afterCursor, NamedParameters, pageOf, rowsToFetch, type KeysetSort, type Page } from '#ikm/pagination';
import { queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';
import { Concept, ConceptScheme } from './concept.entity.js';
import { TaxonomyError } from './taxonomy.errors.js';
import type { ConceptNode } from './taxonomy-graph.js';

/** Oldest first: the seeded themes, then what was added since. */
const BY_CREATION: KeysetSort<Concept> = {
  column: 'concept.created_at',
  idColumn: 'concept.id',
  direction: 'ASC',
  keyKind: 'timestamp',
  keyOf: (concept) => concept.createdAt.toISOString(),
};

/** A concept with both directions of its hierarchy. */
export interface ConceptView {
  concept: Concept;
  narrower: string[];
}

@Injectable()
export class TaxonomyRepository {
  /**
   * Takes the scheme's row lock for the rest of the transaction. Every change of the scheme's concepts
   * takes it first, so the graph read next is the one the change is checked and written against: two
   * moves that would each be fine alone but make a cycle together (A under B, B under A) run one after
   * the other, and the second sees the first.
   */
  async lockScheme(manager: EntityManager, schemeId: string): Promise<void> {
    const rows: unknown[] = await manager.query(`SELECT id FROM concept_schemes WHERE id = $1 FOR UPDATE`, [schemeId]);
    if (rows.length === 0) throw new Error(`concept scheme ${schemeId} is missing: has migration CreateTaxonomy1764300000001 run?`);
  }

  /** Locks the scheme of a concept (see lockScheme); returns the scheme's id. */
  async lockSchemeOf(manager: EntityManager, conceptId: string): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT s.id FROM concept_schemes s JOIN concepts c ON c.scheme_id = s.id WHERE c.id = $1 FOR UPDATE OF s`,
      [conceptId],
    );
    if (rows.length === 0) throw TaxonomyError.notFound(conceptId);
    return rows[0].id;
  }

  /** Every concept of the scheme with its broader links: what the graph rules check a change against. */
  async graphOf(manager: EntityManager, schemeId: string): Promise<ConceptNode[]> {
    return manager.query(
      `SELECT c.id, c.pref_label AS "prefLabel",
              coalesce(array_agg(b.broader_id) FILTER (WHERE b.broader_id IS NOT NULL), '{}') AS broader
         FROM concepts c LEFT JOIN concept_broader b ON b.concept_id = c.id
        WHERE c.scheme_id = $1
        GROUP BY c.id`,
      [schemeId],
    );
  }

  async scheme(manager: EntityManager, schemeId: string): Promise<ConceptScheme> {
    const scheme = await manager.findOneBy(ConceptScheme, { id: schemeId });
    if (!scheme) throw new Error(`concept scheme ${schemeId} is missing: has migration CreateTaxonomy1764300000001 run?`);
    return scheme;
  }

  async get(manager: EntityManager, id: string): Promise<ConceptView> {
    const concept = await manager.findOneBy(Concept, { id });
    if (!concept) throw TaxonomyError.notFound(id);
    const [view] = await this.withHierarchy(manager, [concept]);
    return view;
  }

  async insert(manager: EntityManager, concept: Concept): Promise<void> {
    await manager.insert(Concept, concept);
    await this.replaceBroader(manager, concept);
  }

  /** Writes the concept's row, and its broader links when they changed. */
  async update(manager: EntityManager, concept: Concept, broaderChanged: boolean): Promise<void> {
    await manager.update(Concept, { id: concept.id }, {
      prefLabel: concept.prefLabel,
      altLabel: concept.altLabel,
      definition: concept.definition,
      version: concept.version,
      updatedAt: concept.updatedAt,
    });
    if (broaderChanged) await this.replaceBroader(manager, concept);
  }

  /** Oldest first, keyset-paginated, each with its broader and narrower concepts. */
  async list(manager: EntityManager, schemeId: string, page: { limit: number; cursor?: string }): Promise<Page<ConceptView>> {
    const query = manager
      .createQueryBuilder(Concept, 'concept')
      .where('concept.scheme_id = :schemeId', { schemeId })
      .orderBy(BY_CREATION.column, BY_CREATION.direction)
      .addOrderBy(BY_CREATION.idColumn, BY_CREATION.direction)
      .limit(rowsToFetch(page.limit));
    if (page.cursor) {
      const after = new NamedParameters('after');
      query.andWhere(afterCursor(BY_CREATION, page.cursor, after), after.values);
    }
    const found = pageOf(await query.getMany(), page.limit, BY_CREATION);
    return { items: await this.withHierarchy(manager, found.items), nextCursor: found.nextCursor };
  }

  /** Every concept of the scheme with its hierarchy, for the SKOS export. */
  async all(manager: EntityManager, schemeId: string): Promise<ConceptView[]> {
    const concepts = await manager.find(Concept, { where: { schemeId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return this.withHierarchy(manager, concepts);
  }

  /** The preferred labels of these concepts (ids not in the taxonomy are left out). */
  async prefLabelsOf(manager: EntityManager, ids: readonly string[]): Promise<Map<string, Record<string, string>>> {
    if (ids.length === 0) return new Map();
    const rows = await queryPrepared<{ id: string; prefLabel: Record<string, string> }>(manager, { text: `SELECT id::text AS id, pref_label AS "prefLabel" FROM concepts WHERE id::text = ANY($1::text[])` }, [ids]);
    return new Map(rows.map((row) => [row.id, row.prefLabel]));
  }

  private async replaceBroader(manager: EntityManager, concept: Concept): Promise<void> {
    await manager.query(`DELETE FROM concept_broader WHERE concept_id = $1`, [concept.id]);
    if (concept.broader.length === 0) return;
    await manager.query(`INSERT INTO concept_broader (concept_id, broader_id) SELECT $1, unnest($2::uuid[])`, [concept.id, concept.broader]);
  }

  /** Fills in broader links and collects narrower ones (their inverse), in one query for all of them. */
  private async withHierarchy(manager: EntityManager, concepts: Concept[]): Promise<ConceptView[]> {
    const ids = concepts.map((concept) => concept.id);
    const links: Array<{ concept_id: string; broader_id: string }> = ids.length
      ? await manager.query(
          `SELECT concept_id, broader_id FROM concept_broader WHERE concept_id = ANY($1::uuid[]) OR broader_id = ANY($1::uuid[]) ORDER BY concept_id, broader_id`,
          [ids],
        )
      : [];
    return concepts.map((concept) => {
      concept.broader = links.filter((link) => link.concept_id === concept.id).map((link) => link.broader_id);
      return { concept, narrower: links.filter((link) => link.broader_id === concept.id).map((link) => link.concept_id) };
    });
  }
}
