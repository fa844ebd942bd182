import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first design woke the relay by NOTIFY from a trigger (one notification per transaction:
 * PostgreSQL folds identical ones). Created by CreateOutbox, dropped by DropOutboxNotify.
 */
async function createOutboxNotifyTrigger(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('outbox_appended', '');
      RETURN NULL;
    END $$`);
  await queryRunner.query(
    `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
  );
}

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
    await createOutboxNotifyTrigger(queryRunner);
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

/**
 * The relay is now woken inside the writing process (OutboxSignal). With the trigger's NOTIFY,
 * PostgreSQL serialised the commits of all writing transactions, WAL flush included, behind one lock.
 */
export class DropOutboxNotify1764240000000 implements MigrationInterface {
  name = 'DropOutboxNotify1764240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER outbox_notify ON outbox`);
    await queryRunner.query(`DROP FUNCTION outbox_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await createOutboxNotifyTrigger(queryRunner);
  }
}
