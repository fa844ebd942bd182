import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventLogAndFunnel1764210000000 implements MigrationInterface {
  name = 'CreateEventLogAndFunnel1764210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Every event metrics has consumed, once per event id: the audit trail and the source of replays.
    await queryRunner.query(`
      CREATE TABLE event_log (
        event_id        text PRIMARY KEY,
        type            text NOT NULL,
        source          text NOT NULL,
        subject         text NOT NULL,
        occurred_at     timestamptz NOT NULL,
        data            jsonb NOT NULL,
        topic           text NOT NULL,
        partition       integer NOT NULL,
        "offset"        bigint NOT NULL,
        correlation_id  text,
        recorded_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX event_log_type_time ON event_log (type, occurred_at)`);
    // Innovation funnel: the current stage of each idea.
    await queryRunner.query(`
      CREATE TABLE funnel_ideas (
        idea_id           uuid PRIMARY KEY,
        status            text NOT NULL,
        version           integer NOT NULL,
        entered_status_at timestamptz NOT NULL,
        created_at        timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX funnel_ideas_status ON funnel_ideas (status)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE funnel_ideas`);
    await queryRunner.query(`DROP TABLE event_log`);
  }
}
