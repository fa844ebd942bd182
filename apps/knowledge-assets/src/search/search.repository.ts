import { Injectable } from '@nestjs/common';
import type { AccessLevel, AssetType, IloRegion, SourcePlatform } from '#ikm/contracts';
import { afterCursor, keysetOrder, pageOf, rowsToFetch, WhereClause, type KeysetSort, type Page } from '#ikm/pagination';
import { queryPrepared } from '#ikm/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { contentVisibleTo, recordVisibleTo } from '../asset/asset-visibility.js';
import type { Actor } from '../asset/asset.entity.js';

export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const FACETS = ['type', 'subject', 'region', 'country', 'language', 'source', 'year', 'accessLevel'] as const;
export type Facet = (typeof FACETS)[number];

/** What a search asks; every list is "any of these" (empty or absent: no filter), lists are ANDed together. */
export interface SearchCriteria {
  viewer: Actor;
  /** Web-search syntax (words, "phrases", OR, -word); absent: every asset the filters keep. */
  text?: string;
  /** Analyse the text in these languages' configurations only; absent: in every configuration the index uses. */
  languages?: string[];
  type?: AssetType[];
  /** Concept ids; each includes its narrower concepts, at any depth. */
  subject?: string[];
  region?: IloRegion[];
  country?: string[];
  language?: string[];
  source?: SourcePlatform[];
  year?: number[];
  accessLevel?: AccessLevel[];
  issuedFrom?: string;
  issuedTo?: string;
  sort: SearchSort;
  limit: number;
  cursor?: string;
}

export interface SearchHit {
  /** The asset's id. */
  id: string;
  versionNumber: number;
  type: AssetType;
  title: Record<string, string>;
  dateIssued: string | null;
  languages: string[];
  subjects: string[];
  accessLevel: AccessLevel;
  /** Relevance in millionths (0 without a text); the relevance sort's key. */
  score: number;
  /** Days from 1970-01-01 to the date issued (1900-01-01 when there is none); the date sorts' key. */
  day: number;
  /** Per field, per language in which the text matched: the passage with the matches in `<mark>`, the rest HTML-escaped. */
  highlights: { title: Record<string, string>; abstract: Record<string, string>; keywords: Record<string, string> };
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  page: Page<SearchHit>;
  total: number;
  facets: Record<Facet, FacetCount[]>;
}

const SORTS: Record<SearchSort, KeysetSort<SearchHit>> = {
  relevance: { column: 'h.score', idColumn: 'h.asset_id', direction: 'DESC', keyKind: 'integer', keyOf: (hit) => hit.score },
  newest: { column: 'h.day', idColumn: 'h.asset_id', direction: 'DESC', keyKind: 'integer', keyOf: (hit) => hit.day },
  oldest: { column: 'h.day', idColumn: 'h.asset_id', direction: 'ASC', keyKind: 'integer', keyOf: (hit) => hit.day },
};

/** Weights of ts_rank_cd for D, C, B, A: abstract (C) 0.2, keywords (B) 0.4, title (A) 1. */
const RANK_WEIGHTS = `'{0.1, 0.2, 0.4, 1.0}'`;
/** What a match through a concept's label adds to the text's rank (in [0, 1) after normalisation 32). */
const LABEL_MATCH_RANK = 0.3;
/** Most values returned per facet (subjects and countries can be many), the most frequent first. */
export const MAX_FACET_VALUES = 50;

/**
 * The search document's parts a viewer may match while a version's content is under embargo for them:
 * title (A) and keywords (B), not the abstract (C).
 */
const METADATA_WEIGHTS = `'{a,b}'`;
/**
 * The query restricted to those parts: every lexeme of its text (quoted, quotes doubled inside) gets the
 * weights `:AB`. Matched against the whole stored document it still uses the GIN index, and a negation
 * (`-word`) then holds for an embargoed abstract containing the word, so absence leaks nothing either.
 */
export const metadataOnly = (query: string) => `regexp_replace(${query}::text, '(''(?:[^'']|'''')*'')', '\\1:AB', 'g')::tsquery`;

/** The text search configurations a query is analysed in when no language narrows it: every one PostgreSQL ships. */
export const EVERY_CONFIGURATION = `SELECT cfg.oid::regconfig FROM pg_ts_config cfg WHERE cfg.cfgnamespace = 'pg_catalog'::regnamespace`;

const escapeHtml = (sql: string) => `replace(replace(replace(${sql}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;

/**
 * The passages of a language map (alias `field`, `jsonb_each_text`) that match the query, highlighted
 * with the field's language's own configuration.
 */
const highlights = (field: string, options: string) => `(SELECT coalesce(jsonb_object_agg(f.key, ts_headline(text_search_config(f.key), ${escapeHtml('f.value')}, q.q, '${options}')), '{}')
     FROM jsonb_each_text(${field}) f WHERE q.q IS NOT NULL AND to_tsvector(text_search_config(f.key), f.value) @@ q.q)`;

/**
 * Search over the published version of each asset (superseded and retired versions, and drafts, are not
 * searched), read from the narrow search table `asset_search` (one row per published version, kept in
 * step with asset_versions by a trigger: migration 1764300000005). One statement: the matching rows,
 * filtered by the viewer's visibility condition, are materialised once; the page (with highlights,
 * computed on its rows only, from the version rows) and the facet counts are both read from them, so
 * counts and results see exactly the same rows.
 */
@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async search(criteria: SearchCriteria, manager: EntityManager = this.dataSource.manager): Promise<SearchResult> {
    const sql = new WhereClause();
    const p = (value: unknown) => sql.parameter(value);
    const text = criteria.text?.trim() ? p(criteria.text) : null;
    const configs = criteria.languages?.length
      ? `SELECT DISTINCT text_search_config(tag) FROM unnest(${p(criteria.languages)}::text[]) tag`
      : EVERY_CONFIGURATION;

    // asset_search holds published versions only. The record follows the access level; the abstract is
    // matched, ranked and highlighted only for the viewers who may see the content (embargo over, or
    // they are exempt from it).
    const contentVisible = contentVisibleTo(criteria.viewer, sql, 'v');
    const textMatches = `((${contentVisible} AND v.search_document @@ (SELECT q FROM query))
        OR (NOT ${contentVisible} AND v.search_document @@ (SELECT metadata_q FROM query)))`;
    const conditions = [recordVisibleTo(criteria.viewer, sql, 'v')];
    if (text) conditions.push(`(${textMatches} OR v.subjects && (SELECT ids FROM label_concepts))`);
    const anyOf = <T>(values: T[] | undefined, condition: (placeholder: string) => string) => {
      if (values?.length) conditions.push(condition(p(values)));
    };
    anyOf(criteria.type, (list) => `v.type = ANY(${list}::text[])`);
    if (criteria.subject?.length) conditions.push(`v.subjects && (SELECT ids FROM subject_concepts)`);
    anyOf(criteria.region, (list) => `v.regions && ${list}::text[]`);
    anyOf(criteria.country, (list) => `v.countries && ${list}::text[]`);
    anyOf(criteria.language, (list) => `v.languages && ${list}::text[]`);
    anyOf(criteria.source, (list) => `v.source = ANY(${list}::text[])`);
    anyOf(criteria.year, (list) => `v.year = ANY(${list}::int[])`);
    anyOf(criteria.accessLevel, (list) => `v.access_level = ANY(${list}::text[])`);
    if (criteria.issuedFrom) conditions.push(`v.date_issued >= ${p(criteria.issuedFrom)}::date`);
    if (criteria.issuedTo) conditions.push(`v.date_issued <= ${p(criteria.issuedTo)}::date`);

    // The relevance is only worth computing (for every match) when the page is ordered by it; and only for
    // rows the text matches: one found through a concept's label alone ranks 0 in ts_rank_cd anyway, and
    // ranking against the query of every configuration is what costs (19,652 label hits: ~110 ms of it).
    const score =
      text && criteria.sort === 'relevance'
        ? `((CASE WHEN ${textMatches}
                THEN ts_rank_cd(${RANK_WEIGHTS}, CASE WHEN ${contentVisible} THEN v.search_document ELSE ts_filter(v.search_document, ${METADATA_WEIGHTS}) END, (SELECT q FROM query), 32)
                ELSE 0 END
             + CASE WHEN v.subjects && (SELECT ids FROM label_concepts) THEN ${LABEL_MATCH_RANK} ELSE 0 END) / ${1 + LABEL_MATCH_RANK} * 1000000)::int`
        : '0';
    const labelMatches = (language: string, label: string) =>
      `to_tsvector(text_search_config(${language}), ${label}) @@ websearch_to_tsquery(text_search_config(${language}), ${text}::text)
       AND text_search_config(${language}) IN (${configs})`;
    const sort = SORTS[criteria.sort];
    const pageConditions = criteria.cursor ? `WHERE ${afterCursor(sort, criteria.cursor, sql)}` : '';
    const limit = p(rowsToFetch(criteria.limit));
    const subjects = criteria.subject?.length ? p(criteria.subject) : 'NULL';

    const statement = `
      WITH RECURSIVE
      any_part AS (SELECT tsquery_or_agg(DISTINCT websearch_to_tsquery(cfg, ${text ?? 'NULL'}::text)) AS q FROM (${configs}) AS configs (cfg)),
      query AS (SELECT q, ${metadataOnly('q')} AS metadata_q FROM any_part),
      -- Concepts a label of which (preferred or alternative, any language) matches the text analysed in that
      -- label's own language, and those narrower. (The query OR-ed over every configuration would let
      -- another language's stemming match: German stems 'workers' to 'work', which matched 'Working conditions'.)
      label_matched (id) AS (
        SELECT c.id FROM concepts c, query
         WHERE query.q IS NOT NULL
           AND (EXISTS (SELECT 1 FROM jsonb_each_text(c.pref_label) l WHERE ${labelMatches('l.key', 'l.value')})
                OR EXISTS (SELECT 1 FROM jsonb_each(c.alt_label) l, jsonb_array_elements_text(l.value) label WHERE ${labelMatches('l.key', 'label')}))
        UNION SELECT b.concept_id FROM concept_broader b JOIN label_matched m ON b.broader_id = m.id),
      label_concepts AS (SELECT coalesce(array_agg(id::text), '{}') AS ids FROM label_matched),
      -- The subjects filtered on, and every concept narrower than one of them.
      subject_tree (id) AS (
        SELECT unnest(${subjects}::text[])
        UNION SELECT b.concept_id::text FROM concept_broader b JOIN subject_tree t ON b.broader_id::text = t.id),
      subject_concepts AS (SELECT array_agg(id) AS ids FROM subject_tree),
      hits AS MATERIALIZED (
        SELECT v.version_id AS id, v.asset_id, v.facet_codes, v.day, ${score} AS score, ${contentVisible} AS content_visible
          FROM asset_search v
         WHERE ${conditions.join('\n AND ')}),
      page AS (SELECT h.* FROM hits h ${pageConditions} ORDER BY ${keysetOrder(sort)} LIMIT ${limit}),
      -- Every facet counted in one pass over one int array per hit (its values coded by search_facet_values),
      -- not eight passes over text columns: ~50 ms less on ~20,000 hits.
      facets AS (
        SELECT d.facet, d.value, c.count
          FROM (SELECT code, count(*) AS count FROM (SELECT unnest(facet_codes) AS code FROM hits) h GROUP BY code) c
          JOIN search_facet_values d USING (code)
        UNION ALL SELECT 'total', NULL, count(*) FROM hits)
      SELECT 'hit' AS kind, NULL AS facet, NULL AS value, NULL::bigint AS count,
             json_build_object(
               'id', h.asset_id, 'versionNumber', v.number, 'type', v.type, 'title', v.title,
               'dateIssued', to_char(v.date_issued, 'YYYY-MM-DD'), 'languages', v.languages, 'subjects', v.subjects,
               'accessLevel', v.access_level, 'score', h.score, 'day', h.day,
               'highlights', json_build_object(
                 'title', ${highlights('v.title', 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true')},
                 'abstract', ${highlights('CASE WHEN h.content_visible THEN v.abstract END', 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2')},
                 'keywords', ${highlights(`(SELECT jsonb_object_agg(key, (SELECT string_agg(word, ' ; ') FROM jsonb_array_elements_text(value) word)) FROM jsonb_each(v.keywords))`, 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true')})) AS hit
        FROM page h JOIN asset_versions v ON v.id = h.id, query q
      UNION ALL
      SELECT 'facet', facet, value, count, NULL FROM facets`;
    const rows = await queryPrepared<{ kind: 'hit' | 'facet'; facet: Facet | 'total'; value: string; count: string; hit: SearchHit }>(manager, { text: statement }, sql.values);
    return resultOf(rows, criteria, sort);
  }
}

function resultOf(rows: Array<{ kind: 'hit' | 'facet'; facet: Facet | 'total'; value: string; count: string; hit: SearchHit }>, criteria: SearchCriteria, sort: KeysetSort<SearchHit>): SearchResult {
  const hits = rows.filter((row) => row.kind === 'hit').map((row) => row.hit);
  // The statement's UNION ALL does not keep the page's order: restore it.
  const direction = sort.direction === 'DESC' ? -1 : 1;
  hits.sort((a, b) => direction * (Number(sort.keyOf(a)) - Number(sort.keyOf(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  const facets = Object.fromEntries(FACETS.map((facet) => [facet, [] as FacetCount[]])) as Record<Facet, FacetCount[]>;
  let total = 0;
  for (const row of rows) {
    if (row.kind !== 'facet') continue;
    if (row.facet === 'total') total = Number(row.count);
    else facets[row.facet].push({ value: row.value, count: Number(row.count) });
  }
  for (const facet of FACETS) {
    facets[facet] = facets[facet].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, MAX_FACET_VALUES);
  }
  return { page: pageOf(hits, criteria.limit, sort), total, facets };
}
