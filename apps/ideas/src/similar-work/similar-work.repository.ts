import { Injectable } from '@nestjs/common';
import { INTERNAL_ROLES, type AuthenticatedUser } from '#ikm/auth';
import type { IdeaStatus } from '#ikm/contracts';
import type { EntityManager } from 'typeorm';

export interface SimilarWork {
  flagged: boolean;
  ideas: Array<{ id: string; title: string; status: IdeaStatus; score: number }>;
  knowledgeAssets: Array<{ id: string; title: Record<string, string>; type: string; url: string | null; score: number }>;
}

export interface SimilarWorkQuery {
  excludeIdeaId?: string;
  title: string;
  text: string;
  /** Who will see the result: knowledge assets are those this person may read. */
  viewer: Pick<AuthenticatedUser, 'roles' | 'unit'>;
}

const LIMIT = 5;
/** Below this a match is noise (shared common words). */
const MIN_SCORE = 0.15;

/**
 * Words of the text, as an OR query: an idea rarely shares every word with an earlier one, so
 * PostgreSQL's plain AND query would miss most near-duplicates. Short words carry little meaning
 * in any language and are left out.
 */
const OR_QUERY = `(SELECT to_tsquery('simple', coalesce(nullif(array_to_string(array(
    SELECT quote_literal(lexeme) FROM unnest(tsvector_to_array(to_tsvector('simple', $2))) AS lexeme
    WHERE length(lexeme) >= 4), ' | '), ''), 'ZZZZnomatch')))`;

/**
 * The published assets whose record a viewer ($3: has a staff role, $4: their unit) may read, as
 * knowledge-assets decides for its readers (its asset-visibility.ts): public ones; internal ones for
 * staff, never constituents or the reporting role; restricted ones for staff of a unit named. An
 * embargo hides the content, not the record: similar work shows titles only, so embargoed assets
 * appear, matched on their metadata alone (`SEARCHED`). An asset restricted to communities only shows
 * here to the units it also names: ideas keeps no replica of community membership, so similar work
 * leaves such assets out rather than guess.
 */
const READABLE = `(access_level = 'public' OR ($3::boolean AND (access_level = 'internal' OR (access_level = 'restricted' AND $4::text = ANY(restricted_to_units)))))`;

/** The content of the asset may be matched: its embargo, if any, is over. */
const CONTENT_OPEN = `(embargo_until IS NULL OR embargo_until <= current_date)`;
/**
 * What of the search document may be matched and ranked: all of it, or, under embargo, the title (A)
 * and subjects (C) without the abstract (B), so that an embargoed abstract neither finds nor ranks it.
 */
const SEARCHED = `CASE WHEN ${CONTENT_OPEN} THEN search ELSE ts_filter(search, '{a,c}') END`;

/**
 * Near-duplicate ideas and related published knowledge assets, ranked by title trigram similarity
 * and full-text rank: past experience to reuse before building again (shared/PRODUCT.md, para 19).
 * It informs and flags; it never blocks a submission.
 */
@Injectable()
export class SimilarWorkRepository {
  async find(manager: EntityManager, query: SimilarWorkQuery): Promise<SimilarWork> {
    const ideas: SimilarWork['ideas'] = await manager.query(
      `WITH q AS ${OR_QUERY}
       SELECT id, title, status, round((0.6 * similarity(title, $1) + 0.4 * ts_rank(search, q.query, 32))::numeric, 3)::float AS score
         FROM ideas, (SELECT * FROM q) AS q(query)
        WHERE status <> 'draft' AND id IS DISTINCT FROM $3::uuid AND (title % $1 OR search @@ q.query)
        ORDER BY score DESC, id
        LIMIT ${LIMIT}`,
      [query.title, `${query.title} ${query.text}`, query.excludeIdeaId ?? null],
    );
    const knowledgeAssets: SimilarWork['knowledgeAssets'] = await manager.query(
      `WITH q AS ${OR_QUERY}
       SELECT asset_id AS id, title, type, url, round((0.6 * similarity(title_text, $1) + 0.4 * ts_rank(${SEARCHED}, q.query, 32))::numeric, 3)::float AS score
         FROM knowledge_assets, (SELECT * FROM q) AS q(query)
        WHERE NOT retired AND ${READABLE}
          -- The OR query has no negation, so the part searched matches only where the whole does: the
          -- whole's match keeps the GIN index.
          AND (title_text % $1 OR (search @@ q.query AND ${SEARCHED} @@ q.query))
        ORDER BY score DESC, asset_id
        LIMIT ${LIMIT}`,
      [query.title, `${query.title} ${query.text}`, query.viewer.roles.some((role) => INTERNAL_ROLES.includes(role)), query.viewer.unit ?? null],
    );
    const relevantIdeas = ideas.filter((idea) => idea.score >= MIN_SCORE);
    const relevantAssets = knowledgeAssets.filter((asset) => asset.score >= MIN_SCORE);
    return { flagged: relevantIdeas.length + relevantAssets.length > 0, ideas: relevantIdeas, knowledgeAssets: relevantAssets };
  }
}
