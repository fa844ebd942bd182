import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The replica of community membership (who reads assets restricted to a community), and what a
 * captured asset was made from, one asset per source aggregate.
 */
export class CommunityMembersAndCapture1764300000004 implements MigrationInterface {
  name = 'CommunityMembersAndCapture1764300000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE community_members (
        community_id uuid PRIMARY KEY,
        version      integer NOT NULL CHECK (version > 0),
        member_ids   text[] NOT NULL DEFAULT '{}'
      )`);
    // The visibility condition asks "which communities is the viewer in" once per query: member_ids @> ARRAY[viewer].
    await queryRunner.query(`CREATE INDEX community_members_member_ids ON community_members USING gin (member_ids)`);
    await queryRunner.query(`ALTER TABLE assets ADD COLUMN captured_from jsonb`);
    // One asset per source aggregate, however often its event arrives or is published again.
    await queryRunner.query(
      `CREATE UNIQUE INDEX assets_captured_from_source ON assets ((captured_from->>'service'), (captured_from->>'aggregateType'), (captured_from->>'aggregateId'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX assets_captured_from_source`);
    await queryRunner.query(`ALTER TABLE assets DROP COLUMN captured_from`);
    await queryRunner.query(`DROP TABLE community_members`);
  }
}
