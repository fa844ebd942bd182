import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the replica of knowledge assets needs to show each viewer only what that viewer may see: the
 * units a restricted asset is restricted to, and its embargo. Rows replicated before have neither: a
 * restricted one then shows to nobody, as before, until its next event.
 */
export class KnowledgeAssetAccess1764300000004 implements MigrationInterface {
  name = 'KnowledgeAssetAccess1764300000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE knowledge_assets ADD COLUMN restricted_to_units text[] NOT NULL DEFAULT '{}', ADD COLUMN embargo_until date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE knowledge_assets DROP COLUMN restricted_to_units, DROP COLUMN embargo_until`);
  }
}
