import { ConceptChangedV1 } from '#ikm/contracts';
import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEED_CONCEPTS, SEED_SCHEME_TITLE, TAXONOMY_SCHEME_ID } from '../taxonomy/taxonomy.seed.js';

/**
 * The SKOS taxonomy: one scheme, its concepts (labels and definitions as language maps) and their
 * broader links (narrower is their inverse), seeded with the themes of the knowledge strategy. The
 * seed also goes to the outbox, one `concept.changed` event per concept, so that services keeping a
 * replica of the taxonomy learn the seeded concepts the same way as every later change. It needs the
 * outbox (CreateOutbox1764190000000) to exist, which every service's first migrations create.
 */
export class CreateTaxonomy1764300000001 implements MigrationInterface {
  name = 'CreateTaxonomy1764300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE concept_schemes (
        id         uuid PRIMARY KEY,
        title      jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE concepts (
        id         uuid PRIMARY KEY,
        scheme_id  uuid NOT NULL REFERENCES concept_schemes (id),
        pref_label jsonb NOT NULL CHECK (jsonb_typeof(pref_label) = 'object' AND pref_label <> '{}'::jsonb),
        alt_label  jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(alt_label) = 'object'),
        definition jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(definition) = 'object'),
        version    integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX concepts_by_creation ON concepts (scheme_id, created_at, id)`);
    // The last line of defence for the simplest cycle; longer ones are refused under the scheme's lock.
    await queryRunner.query(`
      CREATE TABLE concept_broader (
        concept_id uuid NOT NULL REFERENCES concepts (id),
        broader_id uuid NOT NULL REFERENCES concepts (id),
        PRIMARY KEY (concept_id, broader_id),
        CONSTRAINT concept_not_broader_than_itself CHECK (concept_id <> broader_id)
      )`);
    await queryRunner.query(`CREATE INDEX concept_broader_narrower ON concept_broader (broader_id)`);

    const now = new Date();
    await queryRunner.query(`INSERT INTO concept_schemes (id, title, created_at) VALUES ($1, $2, $3)`, [TAXONOMY_SCHEME_ID, SEED_SCHEME_TITLE, now]);
    for (const concept of SEED_CONCEPTS) {
      await queryRunner.query(
        `INSERT INTO concepts (id, scheme_id, pref_label, alt_label, definition, version, created_at, updated_at) VALUES ($1, $2, $3, $4, '{}', 1, $5, $5)`,
        [concept.id, TAXONOMY_SCHEME_ID, concept.prefLabel, concept.altLabel, now],
      );
      const event = ConceptChangedV1.schema.parse({
        conceptId: concept.id,
        version: 1,
        schemeId: TAXONOMY_SCHEME_ID,
        prefLabel: concept.prefLabel,
        altLabel: concept.altLabel,
        definition: {},
        broader: [],
        changedAt: now.toISOString(),
      });
      await queryRunner.query(`INSERT INTO outbox (id, topic, aggregate_id, type, source, payload) VALUES ($1, $2, $3, $4, $5, $6)`, [
        randomUUID(),
        ConceptChangedV1.topic,
        concept.id,
        ConceptChangedV1.type,
        ConceptChangedV1.source,
        JSON.stringify(event),
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM outbox WHERE topic = $1`, [ConceptChangedV1.topic]);
    await queryRunner.query(`DROP TABLE concept_broader`);
    await queryRunner.query(`DROP TABLE concepts`);
    await queryRunner.query(`DROP TABLE concept_schemes`);
  }
}
