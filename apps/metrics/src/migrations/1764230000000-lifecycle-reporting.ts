import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models for the whole innovation lifecycle. They start empty for events already logged:
 * `POST /metrics/projections/rebuild` fills them from the event log.
 */
export class LifecycleReporting1764230000000 implements MigrationInterface {
  name = 'LifecycleReporting1764230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The idea's origin, so the funnel and every breakdown can filter by challenge and region.
    await queryRunner.query(`ALTER TABLE funnel_ideas ADD COLUMN challenge_id uuid, ADD COLUMN origin_unit text, ADD COLUMN region text`);
    await queryRunner.query(`CREATE INDEX funnel_ideas_challenge ON funnel_ideas (challenge_id)`);
    await queryRunner.query(`CREATE INDEX funnel_ideas_region ON funnel_ideas (region)`);
    // Each stay of an idea in a stage; left_at is null while the idea is still there.
    await queryRunner.query(`
      CREATE TABLE stage_visits (
        idea_id          uuid NOT NULL,
        entered_version  integer NOT NULL,
        stage            text NOT NULL,
        entered_at       timestamptz NOT NULL,
        left_at          timestamptz,
        PRIMARY KEY (idea_id, entered_version)
      )`);
    await queryRunner.query(`CREATE INDEX stage_visits_stage ON stage_visits (stage)`);
    // Origin columns hold what the experiment's or benefit's own events said; reports fall back to the idea's.
    await queryRunner.query(`
      CREATE TABLE experiments (
        experiment_id  uuid PRIMARY KEY,
        idea_id        uuid NOT NULL,
        challenge_id   uuid,
        region         text,
        started_at     timestamptz,
        concluded_at   timestamptz,
        outcome        text,
        has_lessons    boolean
      )`);
    await queryRunner.query(`
      CREATE TABLE benefits (
        benefit_id         uuid PRIMARY KEY,
        idea_id            uuid NOT NULL,
        challenge_id       uuid,
        region             text,
        period_start       date NOT NULL,
        period_end         date NOT NULL,
        usd_saved          numeric NOT NULL,
        staff_hours_saved  numeric NOT NULL,
        beneficiaries      integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX benefits_period_end ON benefits (period_end)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE benefits`);
    await queryRunner.query(`DROP TABLE experiments`);
    await queryRunner.query(`DROP TABLE stage_visits`);
    await queryRunner.query(`ALTER TABLE funnel_ideas DROP COLUMN challenge_id, DROP COLUMN origin_unit, DROP COLUMN region`);
  }
}
