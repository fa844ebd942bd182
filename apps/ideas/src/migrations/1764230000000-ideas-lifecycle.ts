import { transitionHistoryTable } from '#ikm/lifecycle';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole lifecycle: challenges, teams, history, engagement, reviews, experiments, benefits, similar work. */
export class IdeasLifecycle1764230000000 implements MigrationInterface {
  name = 'IdeasLifecycle1764230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE TABLE challenges (
        id            uuid PRIMARY KEY,
        title         text NOT NULL,
        description   text NOT NULL,
        sponsor_id    text NOT NULL,
        sponsor_unit  text,
        opens_at      timestamptz NOT NULL,
        closes_at     timestamptz NOT NULL CHECK (closes_at > opens_at),
        themes        text[] NOT NULL DEFAULT '{}',
        criteria      jsonb NOT NULL,
        version       integer NOT NULL,
        created_at    timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX challenges_closes ON challenges (closes_at DESC, id DESC)`);

    await queryRunner.query(`
      ALTER TABLE ideas
        ADD COLUMN challenge_id        uuid REFERENCES challenges (id),
        ADD COLUMN expected_benefits   jsonb,
        ADD COLUMN knowledge_asset_ids text[] NOT NULL DEFAULT '{}',
        ADD COLUMN origin_unit         text,
        ADD COLUMN region              text,
        ADD COLUMN team                jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN endorsement_count   integer NOT NULL DEFAULT 0 CHECK (endorsement_count >= 0),
        ADD COLUMN search              tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', title), 'A') ||
          setweight(to_tsvector('simple', problem), 'B') ||
          setweight(to_tsvector('simple', proposal), 'C')) STORED`);
    // Existing ideas: their author is their team.
    await queryRunner.query(`
      UPDATE ideas SET team = jsonb_build_array(jsonb_build_object(
        'userId', author_id, 'role', 'author', 'status', 'accepted', 'invitedBy', author_id, 'invitedAt', created_at, 'joinedAt', created_at))`);
    await queryRunner.query(`CREATE INDEX ideas_team ON ideas USING gin (team jsonb_path_ops)`);
    await queryRunner.query(`CREATE INDEX ideas_search ON ideas USING gin (search)`);
    await queryRunner.query(`CREATE INDEX ideas_title_trgm ON ideas USING gin (title gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX ideas_themes ON ideas USING gin (themes)`);
    await queryRunner.query(`CREATE INDEX ideas_challenge_created ON ideas (challenge_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX ideas_endorsed ON ideas (endorsement_count DESC, id DESC)`);

    for (const statement of transitionHistoryTable({ table: 'idea_transitions', subjectColumn: 'idea_id' }, 'ideas')) await queryRunner.query(statement);

    await queryRunner.query(`
      CREATE TABLE endorsements (
        idea_id    uuid NOT NULL REFERENCES ideas (id),
        user_id    text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (idea_id, user_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE follows (
        idea_id    uuid NOT NULL REFERENCES ideas (id),
        user_id    text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (idea_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX follows_user ON follows (user_id)`);
    await queryRunner.query(`
      CREATE TABLE comments (
        id            uuid PRIMARY KEY,
        idea_id       uuid NOT NULL REFERENCES ideas (id),
        author_id     text NOT NULL,
        body          text NOT NULL,
        status        text NOT NULL CHECK (status IN ('visible', 'hidden', 'deleted')),
        hidden_reason text,
        hidden_by     text,
        created_at    timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX comments_idea ON comments (idea_id, created_at, id)`);

    await queryRunner.query(`
      CREATE TABLE review_assignments (
        idea_id     uuid NOT NULL REFERENCES ideas (id),
        reviewer_id text NOT NULL,
        assigned_by text NOT NULL,
        assigned_at timestamptz NOT NULL,
        PRIMARY KEY (idea_id, reviewer_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE scorecards (
        idea_id        uuid NOT NULL,
        reviewer_id    text NOT NULL,
        scores         jsonb NOT NULL,
        weighted_score numeric(4, 2) NOT NULL CHECK (weighted_score BETWEEN 1 AND 5),
        submitted_at   timestamptz NOT NULL,
        PRIMARY KEY (idea_id, reviewer_id),
        FOREIGN KEY (idea_id, reviewer_id) REFERENCES review_assignments (idea_id, reviewer_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE experiments (
        id              uuid PRIMARY KEY,
        idea_id         uuid NOT NULL REFERENCES ideas (id),
        hypothesis      text NOT NULL,
        success_measure text NOT NULL,
        starts_on       date NOT NULL,
        ends_on         date NOT NULL CHECK (ends_on >= starts_on),
        budget_usd      numeric(14, 2) NOT NULL CHECK (budget_usd >= 0),
        status          text NOT NULL CHECK (status IN ('running', 'concluded')),
        outcome         text CHECK (outcome IN ('validated', 'invalidated', 'inconclusive')),
        lessons         text,
        started_by      text NOT NULL,
        started_at      timestamptz NOT NULL,
        concluded_at    timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX experiments_idea ON experiments (idea_id, started_at)`);

    await queryRunner.query(`
      CREATE TABLE benefits (
        id                uuid PRIMARY KEY,
        idea_id           uuid NOT NULL REFERENCES ideas (id),
        period_start      date NOT NULL,
        period_end        date NOT NULL CHECK (period_end >= period_start),
        usd_saved         numeric(16, 2) NOT NULL CHECK (usd_saved >= 0),
        staff_hours_saved numeric(12, 2) NOT NULL CHECK (staff_hours_saved >= 0),
        beneficiaries     integer NOT NULL CHECK (beneficiaries >= 0),
        note              text,
        recorded_by       text NOT NULL,
        recorded_at       timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX benefits_idea ON benefits (idea_id, period_end)`);

    // Local replica of published knowledge assets, fed by ikm.knowledge-assets.asset events.
    await queryRunner.query(`
      CREATE TABLE knowledge_assets (
        asset_id     uuid PRIMARY KEY,
        version      integer NOT NULL,
        type         text NOT NULL,
        title        jsonb NOT NULL,
        abstract     jsonb,
        subjects     text[] NOT NULL DEFAULT '{}',
        languages    text[] NOT NULL DEFAULT '{}',
        access_level text NOT NULL,
        url          text,
        retired      boolean NOT NULL DEFAULT false,
        title_text   text NOT NULL,
        search       tsvector NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX knowledge_assets_search ON knowledge_assets USING gin (search)`);
    await queryRunner.query(`CREATE INDEX knowledge_assets_title_trgm ON knowledge_assets USING gin (title_text gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['knowledge_assets', 'benefits', 'experiments', 'scorecards', 'review_assignments', 'comments', 'follows', 'endorsements', 'idea_transitions']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`ALTER TABLE ideas DROP COLUMN challenge_id, DROP COLUMN expected_benefits, DROP COLUMN knowledge_asset_ids,
      DROP COLUMN origin_unit, DROP COLUMN region, DROP COLUMN team, DROP COLUMN endorsement_count, DROP COLUMN search`);
    await queryRunner.query(`DROP TABLE challenges`);
  }
}
