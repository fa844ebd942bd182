import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdeas1764200000000 implements MigrationInterface {
  name = 'CreateIdeas1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ideas (
        id            uuid PRIMARY KEY,
        title         text NOT NULL,
        problem       text NOT NULL,
        proposal      text NOT NULL,
        themes        text[] NOT NULL DEFAULT '{}',
        status        text NOT NULL,
        author_id     text NOT NULL,
        version       integer NOT NULL,
        created_at    timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL,
        submitted_at  timestamptz
      )`);
    // The list is keyset-paginated newest first, optionally by status or author.
    await queryRunner.query(`CREATE INDEX ideas_created ON ideas (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX ideas_status_created ON ideas (status, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX ideas_author_created ON ideas (author_id, created_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ideas`);
  }
}
