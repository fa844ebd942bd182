import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Channel the outbox trigger notifies so the relay wakes as soon as a write commits. */
export const OUTBOX_CHANNEL = 'outbox_appended';

/** The transactional outbox: rows written with the domain change, published by the relay in `position` order. */
export class CreateOutbox1764190000000 implements MigrationInterface {
  name = 'CreateOutbox1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        position       bigserial PRIMARY KEY,
        id             uuid NOT NULL UNIQUE,
        topic          text NOT NULL,
        aggregate_id   text NOT NULL,
        type           text NOT NULL,
        source         text NOT NULL,
        payload        jsonb NOT NULL,
        correlation_id text,
        traceparent    text,
        actor          text,
        occurred_at    timestamptz NOT NULL DEFAULT now(),
        published_at   timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL`);
    await queryRunner.query(`CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL`);
    // One notification per transaction: PostgreSQL folds identical notifications of a transaction into one.
    await queryRunner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox`);
    await queryRunner.query(`DROP FUNCTION outbox_notify()`);
  }
}

/** The inbox: one row per (consumer, event id) handled, written in the handler's transaction. */
export class CreateInbox1764190000001 implements MigrationInterface {
  name = 'CreateInbox1764190000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer    text NOT NULL,
        event_id    text NOT NULL,
        topic       text NOT NULL,
        partition   integer NOT NULL,
        "offset"    bigint NOT NULL,
        handled_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox`);
  }
}
