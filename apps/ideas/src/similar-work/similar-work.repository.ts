import { Injectable } from '@nestjs/common';
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
       SELECT asset_id AS id, title, type, url, round((0.6 * similarity(title_text, $1) + 0.4 * ts_rank(search, q.query, 32))::numeric, 3)::float AS score
         FROM knowledge_assets, (SELECT * FROM q) AS q(query)
        WHERE NOT retired AND access_level IN ('public', 'internal') AND (title_text % $1 OR search @@ q.query)
        ORDER BY score DESC, asset_id
        LIMIT ${LIMIT}`,
      [query.title, `${query.title} ${query.text}`],
    );
    const relevantIdeas = ideas.filter((idea) => idea.score >= MIN_SCORE);
    const relevantAssets = knowledgeAssets.filter((asset) => asset.score >= MIN_SCORE);
    return { flagged: relevantIdeas.length + relevantAssets.length > 0, ideas: relevantIdeas, knowledgeAssets: relevantAssets };
  }
}
