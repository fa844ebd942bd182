import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of every service's writes (`Idempotency-Key`): one row per caller, method, path
 * and key (hashed into `id`) whose request was done, with the response its retries get.
 */
export class CreateIdempotencyKeys1764250000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        id            text PRIMARY KEY,
        caller        text NOT NULL,
        method        text NOT NULL,
        path          text NOT NULL,
        fingerprint   text NOT NULL,
        status        smallint NOT NULL,
        headers       jsonb NOT NULL,
        body          text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
  }
}
