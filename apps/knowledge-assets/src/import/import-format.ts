import type { SourcePlatform } from '#ikm/contracts';
import type { AssetMetadata } from '../asset/metadata/asset-metadata.js';
import type { IngestibleRecord } from '../ingestion/ingestible-record.js';

/**
 * THE IMPORT FORMATS, as README "Bulk import" documents them.
 *
 * CSV (text/csv, RFC 4180, UTF-8, a header row): one asset per row; an empty cell is an absent field.
 * - `identifier` (required: the record's id at its source), `url`, `deleted` (true/false), `platform`
 *   (else the import's sourcePlatform);
 * - scalar fields by their API name: `type`, `publishingUnit`, `dateIssued`, `licence`, `accessLevel`,
 *   `embargoUntil`, `doi` or `handle` (the persistent identifier);
 * - multilingual fields one column per language: `title@en`, `title@fr`, `abstract@en`, `keywords@en`;
 * - lists separated by `;`: `languages`, `subjects`, `countries`, `regions`, `restrictedToUnits`,
 *   `restrictedToCommunities`, `keywords@<lang>`, and `creators` as `Name <ORCID>` (ORCID optional),
 *   e.g. `Ana García <0000-0002-1825-0097>; Li Wei`.
 * Any other column refuses the file (a typo would otherwise drop a field silently).
 *
 * JSON (application/json, an array) and NDJSON (application/x-ndjson, one object a line): each record
 * shaped as the REST create body (POST /assets) with `source: { identifier, url?, platform? }` (the
 * identifier required) and `deleted?: boolean`.
 */
export const LIST_SEPARATOR = ';';

const SCALAR_COLUMNS = ['type', 'publishingUnit', 'dateIssued', 'licence', 'accessLevel', 'embargoUntil'] as const;
const LIST_COLUMNS = ['languages', 'subjects', 'countries', 'regions', 'restrictedToUnits', 'restrictedToCommunities'] as const;
const SOURCE_COLUMNS = ['identifier', 'url', 'deleted', 'platform'] as const;
const PID_COLUMNS = ['doi', 'handle'] as const;
const MULTILINGUAL_COLUMNS = ['title', 'abstract', 'keywords'] as const;
const FIXED_COLUMNS = new Set<string>([...SCALAR_COLUMNS, ...LIST_COLUMNS, ...SOURCE_COLUMNS, ...PID_COLUMNS, 'creators']);
/** `title@en`: the field, then a language tag (checked by the validators with the value). */
const MULTILINGUAL_COLUMN = /^(title|abstract|keywords)@([A-Za-z0-9-]{1,35})$/;

/** Why a header cannot be read, or null when every column is one of the format's. */
export function headerProblem(columns: string[]): string | null {
  if (!columns.includes('identifier')) return 'the header has no `identifier` column (the record’s identifier at its source)';
  const unknown = columns.filter((column) => !FIXED_COLUMNS.has(column) && !MULTILINGUAL_COLUMN.test(column));
  if (unknown.length > 0) return `unknown columns: ${unknown.join(', ')} (see the import format: ${[...FIXED_COLUMNS].join(', ')}, ${MULTILINGUAL_COLUMNS.map((field) => `${field}@<lang>`).join(', ')})`;
  const repeated = columns.filter((column, index) => columns.indexOf(column) !== index);
  if (repeated.length > 0) return `repeated columns: ${[...new Set(repeated)].join(', ')}`;
  return null;
}

const list = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** `Name <ORCID>` or `Name`. */
function creatorOf(item: string): AssetMetadata['creators'][number] {
  const match = /^(.*?)\s*<([^<>]*)>$/.exec(item);
  return match ? { name: match[1], orcid: match[2].trim() || null, staffId: null } : { name: item, orcid: null, staffId: null };
}

const TRUE = new Set(['true', '1', 'yes']);

/** One CSV row (header -> cell) as a record on its way in; the validators judge its values. */
export function recordFromCsv(row: Record<string, string>, platform: SourcePlatform): IngestibleRecord {
  const cell = (column: string) => (row[column] ?? '').trim();
  const metadata: Record<string, unknown> = {};
  for (const column of SCALAR_COLUMNS) if (cell(column)) metadata[column] = cell(column);
  for (const column of LIST_COLUMNS) if (cell(column)) metadata[column] = list(cell(column));
  if (cell('creators')) metadata.creators = list(cell('creators')).map(creatorOf);
  for (const scheme of PID_COLUMNS) if (cell(scheme)) metadata.persistentIdentifier = { scheme, value: cell(scheme) };
  for (const [column, value] of Object.entries(row)) {
    const match = MULTILINGUAL_COLUMN.exec(column);
    if (!match || !value.trim()) continue;
    const [, field, lang] = match;
    const map = (metadata[field] ??= {}) as Record<string, unknown>;
    map[lang] = field === 'keywords' ? list(value) : value.trim();
  }
  return {
    source: { platform: (cell('platform') || platform) as SourcePlatform, identifier: cell('identifier'), url: cell('url') || null },
    datestamp: null,
    deleted: TRUE.has(cell('deleted').toLowerCase()),
    metadata: metadata as Partial<AssetMetadata>,
  };
}

/** One JSON record (the REST create body with `source` and `deleted`) as a record on its way in. */
export function recordFromJson(value: unknown, platform: SourcePlatform): IngestibleRecord {
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const { source, deleted, ...metadata } = object;
  const given = typeof source === 'object' && source !== null ? (source as Record<string, unknown>) : {};
  return {
    source: {
      platform: (given.platform ?? platform) as SourcePlatform,
      identifier: typeof given.identifier === 'string' ? given.identifier : '',
      url: (given.url ?? null) as string | null,
    },
    datestamp: null,
    deleted: deleted === true,
    metadata: metadata as Partial<AssetMetadata>,
  };
}
