import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The order events were recorded in, which a rebuild replays them in. */
export class EventLogSequence1764220000000 implements MigrationInterface {
  name = 'EventLogSequence1764220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE event_log ADD COLUMN seq bigserial`);
    await queryRunner.query(`CREATE UNIQUE INDEX event_log_seq ON event_log (seq)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE event_log DROP COLUMN seq`);
  }
}
