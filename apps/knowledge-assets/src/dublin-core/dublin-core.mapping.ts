import { SOURCE_PLATFORMS, type IloRegion, type SourcePlatform } from '#ikm/contracts';
import { canonicalLanguageTag } from '#ikm/http';
import type { AssetMetadata, Creator, Multilingual, SourceReference } from '../asset/metadata/asset-metadata.js';
import { MEDIA_TYPE } from '../asset/metadata/standards.js';
import type { FieldError } from '../ingestion/ingestible-record.js';
import {
  accessLevelOf,
  accessRightOf,
  assetTypeOf,
  calendarDateOf,
  CONCEPT_IRI_PREFIX,
  coverageOf,
  creatorOf,
  DCMI_TYPE_OF,
  EMBARGO_END_PREFIX,
  languageTagOf,
  licenceOf,
  licenceUrl,
  ORCID_RESOLVER,
  persistentIdentifierOf,
  persistentIdentifierUri,
  REGION_NAMES,
} from './dc-vocabularies.js';
import { DC_ELEMENTS, type DcElement, type DcValue, type DublinCoreRecord } from './dublin-core-record.js';

/** What the metadata alone does not say and the record needs: supplied by the caller (a use case). */
export interface DublinCoreContext {
  /** Where the asset is read here, absolute: an identifier beside its DOI or Handle. */
  url: string | null;
  /** The preferred labels of the taxonomy concepts among its subjects, by concept id. */
  conceptLabels?: ReadonlyMap<string, Multilingual>;
  /** Absolute URIs of related resources: its other versions, what it was captured from. */
  relations?: readonly string[];
  /** The reader may not see its content yet (asset-visibility.ts): abstract and file formats withheld. */
  contentEmbargoed?: boolean;
  /** Media types of the files uploaded to the version (file links carry theirs). */
  uploadedMediaTypes?: readonly string[];
  /** Today, `YYYY-MM-DD`, to tell a running embargo from one that is over; the current UTC date by default. */
  today?: string;
}

/** No language (`und`) is written without `xml:lang`. */
const UNDETERMINED = 'und';

const valuesOf = (texts: Multilingual): DcValue[] =>
  Object.entries(texts)
    .filter(([, text]) => text.trim() !== '')
    .map(([lang, value]) => (lang === UNDETERMINED ? { value } : { value, lang }));

/**
 * An asset version's metadata as simple Dublin Core (the table in README, "Dublin Core"). Pure: whatever
 * depends on the reader or the rest of the service comes in `context`.
 */
export function dublinCoreOf(metadata: AssetMetadata, context: DublinCoreContext): DublinCoreRecord {
  const today = context.today ?? new Date().toISOString().slice(0, 10);
  const underEmbargo = metadata.embargoUntil !== null && metadata.embargoUntil > today;
  const withheld = context.contentEmbargoed === true;
  const record: Record<DcElement, DcValue[]> = Object.fromEntries(DC_ELEMENTS.map((element) => [element, []])) as unknown as Record<DcElement, DcValue[]>;

  record.title = valuesOf(metadata.title);
  record.creator = metadata.creators.map((creator) => ({ value: creator.orcid ? `${creator.name} (${ORCID_RESOLVER}${creator.orcid})` : creator.name }));
  for (const [lang, words] of Object.entries(metadata.keywords)) {
    for (const word of words) record.subject.push(lang === UNDETERMINED ? { value: word } : { value: word, lang });
  }
  for (const id of metadata.subjects) {
    const labels = context.conceptLabels?.get(id);
    if (labels) record.subject.push(...valuesOf(labels));
    record.subject.push({ value: `${CONCEPT_IRI_PREFIX}${id}` });
  }
  if (!withheld) record.description = valuesOf(metadata.abstract);
  if (metadata.publishingUnit) record.publisher = [{ value: metadata.publishingUnit }];
  if (metadata.dateIssued) record.date.push({ value: metadata.dateIssued });
  if (metadata.embargoUntil) record.date.push({ value: `${EMBARGO_END_PREFIX}${metadata.embargoUntil}` });
  record.type = [{ value: DCMI_TYPE_OF[metadata.type] }, { value: metadata.type }];
  if (!withheld) record.format = [...new Set([...metadata.files.map((file) => file.mediaType), ...(context.uploadedMediaTypes ?? [])])].map((value) => ({ value }));
  if (metadata.persistentIdentifier) record.identifier.push({ value: persistentIdentifierUri(metadata.persistentIdentifier) });
  if (context.url) record.identifier.push({ value: context.url });
  if (metadata.source) {
    if (metadata.source.identifier) record.source.push({ value: `${metadata.source.platform}:${metadata.source.identifier}` });
    if (metadata.source.url) record.source.push({ value: metadata.source.url });
  }
  record.language = metadata.languages.map((value) => ({ value }));
  record.relation = (context.relations ?? []).map((value) => ({ value }));
  record.coverage = [...metadata.countries.map((value) => ({ value })), ...metadata.regions.map((region) => ({ value: REGION_NAMES[region], lang: 'en' }))];
  if (metadata.licence) record.rights.push({ value: licenceUrl(metadata.licence) });
  record.rights.push({ value: accessRightOf(metadata.accessLevel, underEmbargo) });

  return Object.fromEntries(Object.entries(record).filter(([, values]) => values.length > 0)) as DublinCoreRecord;
}

export interface DublinCoreReadOptions {
  /**
   * The taxonomy concept a subject text names (a preferred or alternative label), if any: such subjects
   * become `subjects`, the others keywords. Without it, only concept IRIs (`urn:uuid:<id>`) do.
   */
  conceptOf?: (label: string, lang: string | undefined) => string | null;
}

export interface DublinCoreReading {
  metadata: Partial<AssetMetadata>;
  /** What could not be mapped, per element (`field` is the Dublin Core element): nothing is thrown. */
  errors: FieldError[];
}

const SOURCE_PLATFORM_VALUE = new RegExp(`^(${SOURCE_PLATFORMS.join('|')}):(.+)$`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const shown = (text: string): string => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * The metadata a Dublin Core record says, as real repositories write it (DSpace and InvenioRDM oai_dc,
 * OpenAIRE's info:eu-repo vocabularies), and what it could not map, field by field. Only what the record
 * says is set: what it is silent about (access level included, when no `dc:rights` says it) is left to the
 * caller. Files are never made: Dublin Core names formats, not the files' URLs.
 */
export function metadataFromDublinCore(record: DublinCoreRecord, options: DublinCoreReadOptions = {}): DublinCoreReading {
  const metadata: Partial<AssetMetadata> = {};
  const errors: FieldError[] = [];
  const reject = (field: DcElement, value: string, reason: string): void => {
    errors.push({ field, reason: `${shown(value)}: ${reason}` });
  };
  const values = (element: DcElement): DcValue[] => (record[element] ?? []).map((item) => ({ ...item, value: item.value.trim() })).filter((item) => item.value !== '');

  // Languages first: a record in one language gives that language to its untagged texts.
  const languages: string[] = [];
  for (const { value } of values('language')) {
    const tag = languageTagOf(value);
    if (tag) {
      if (!languages.includes(tag)) languages.push(tag);
    } else reject('language', value, 'not an ISO 639 code, a BCP 47 tag or a language name');
  }
  if (languages.length > 0) metadata.languages = languages;
  const defaultLanguage = languages.length === 1 ? languages[0]! : UNDETERMINED;
  const languageOf = (item: DcValue, field: DcElement): string => {
    if (item.lang === undefined || item.lang.trim() === '') return defaultLanguage;
    // DSpace writes Java locales (`en_US`).
    const tag = canonicalLanguageTag(item.lang.trim().replaceAll('_', '-'));
    if (!tag) reject(field, item.lang, 'xml:lang is not a BCP 47 tag: kept as undetermined (und)');
    return tag ?? UNDETERMINED;
  };

  const texts = (field: 'title' | 'description'): Multilingual | undefined => {
    const result: Multilingual = {};
    for (const item of values(field)) {
      const lang = languageOf(item, field);
      if (lang in result) reject(field, item.value, `a second ${field} in the language ${lang}: only the first is kept`);
      else result[lang] = item.value;
    }
    return Object.keys(result).length > 0 ? result : undefined;
  };
  const title = texts('title');
  if (title) metadata.title = title;
  const abstract = texts('description');
  if (abstract) metadata.abstract = abstract;

  const creators: Creator[] = values('creator').map(({ value }) => ({ ...creatorOf(value), staffId: null }));
  if (creators.length > 0) metadata.creators = creators;
  if (values('contributor').length > 0) errors.push({ field: 'contributor', reason: `${values('contributor').length} value(s): an asset has creators only, no contributors` });

  const keywords: Record<string, string[]> = {};
  const subjects: string[] = [];
  for (const item of values('subject')) {
    const iri = item.value.startsWith(CONCEPT_IRI_PREFIX) ? item.value.slice(CONCEPT_IRI_PREFIX.length) : null;
    const concept = iri !== null && UUID.test(iri) ? iri.toLowerCase() : (options.conceptOf?.(item.value, item.lang) ?? null);
    if (concept) {
      if (!subjects.includes(concept)) subjects.push(concept);
      continue;
    }
    const lang = languageOf(item, 'subject');
    const list = (keywords[lang] ??= []);
    if (!list.includes(item.value)) list.push(item.value);
  }
  if (Object.keys(keywords).length > 0) metadata.keywords = keywords;
  if (subjects.length > 0) metadata.subjects = subjects;

  const [publisher, ...otherPublishers] = values('publisher');
  if (publisher) metadata.publishingUnit = publisher.value;
  for (const other of otherPublishers) reject('publisher', other.value, 'an asset has one publishing unit: only the first publisher is kept');

  // DSpace writes every date it has (accessioned, available, issued) as dc:date: the earliest is the issue.
  const dates: string[] = [];
  for (const { value } of values('date')) {
    if (value.startsWith(EMBARGO_END_PREFIX)) {
      const end = calendarDateOf(value.slice(EMBARGO_END_PREFIX.length));
      if (end) metadata.embargoUntil = end;
      else reject('date', value, 'an embargo end that is not a date');
      continue;
    }
    if (value.startsWith('info:eu-repo/date/')) continue;
    const date = calendarDateOf(value);
    if (date) dates.push(date);
    else reject('date', value, 'not a W3CDTF date (YYYY, YYYY-MM, YYYY-MM-DD or a date-time)');
  }
  if (dates.length > 0) metadata.dateIssued = dates.sort()[0]!;

  const { type, unmatched } = assetTypeOf(values('type').map((item) => item.value));
  if (type) metadata.type = type;
  for (const value of unmatched) reject('type', value, type ? 'no asset type of that kind (another value gave the type)' : 'no asset type of that kind');

  const isMediaType = (item: DcValue): boolean => MEDIA_TYPE.test(item.value.split(';')[0]!.trim());
  const mediaTypes = values('format').filter(isMediaType);
  if (mediaTypes.length > 0) errors.push({ field: 'format', reason: `${mediaTypes.length} media type(s): files need their URLs, which Dublin Core does not give` });
  for (const item of values('format')) if (!isMediaType(item)) reject('format', item.value, 'not a media type (an extent or a physical medium has no field)');

  const identifiers = values('identifier');
  for (const item of identifiers) {
    const identifier = persistentIdentifierOf(item.value);
    if (!identifier) {
      reject('identifier', item.value, 'not a DOI or Handle (where the record comes from is its source)');
      continue;
    }
    const current = metadata.persistentIdentifier;
    // One persistent identifier: a DOI over a Handle, the first of its scheme.
    if (!current || (current.scheme === 'handle' && identifier.scheme === 'doi')) {
      if (current) reject('identifier', persistentIdentifierUri(current), 'a DOI was preferred to this Handle');
      metadata.persistentIdentifier = identifier;
    } else if (current.value !== identifier.value) reject('identifier', item.value, 'a second persistent identifier: only one is kept');
  }

  const source: Partial<SourceReference> = {};
  for (const { value } of values('source')) {
    const reference = SOURCE_PLATFORM_VALUE.exec(value);
    if (reference && source.identifier === undefined) {
      source.platform = reference[1] as SourcePlatform;
      source.identifier = reference[2]!;
    } else if (/^https?:\/\/\S+$/.test(value) && source.url === undefined) source.url = value;
    else reject('source', value, 'not a source platform reference (<platform>:<identifier>) or a URL: a citation has no field');
  }
  if (source.platform) metadata.source = { platform: source.platform, identifier: source.identifier ?? null, url: source.url ?? null };
  else if (source.url) errors.push({ field: 'source', reason: `${shown(source.url)}: a URL without a source platform; the ingestion records where the record came from` });

  if (values('relation').length > 0) errors.push({ field: 'relation', reason: `${values('relation').length} value(s): an asset has no field for related resources` });

  const countries: string[] = [];
  const regions: IloRegion[] = [];
  for (const { value } of values('coverage')) {
    const place = coverageOf(value);
    if (!place) reject('coverage', value, 'not an ISO 3166 country or an ILO region');
    else if ('country' in place) {
      if (!countries.includes(place.country)) countries.push(place.country);
    } else if (!regions.includes(place.region)) regions.push(place.region);
  }
  if (countries.length > 0) metadata.countries = countries;
  if (regions.length > 0) metadata.regions = regions;

  for (const { value } of values('rights')) {
    const licence = licenceOf(value);
    if (licence) {
      if (metadata.licence && metadata.licence !== licence) reject('rights', value, 'a second licence: only the first is kept');
      else metadata.licence = licence;
      continue;
    }
    const access = accessLevelOf(value);
    if (access) metadata.accessLevel = access;
    else reject('rights', value, 'neither an SPDX or Creative Commons licence nor an access right (info:eu-repo/semantics/...)');
  }
  if (metadata.embargoUntil && metadata.accessLevel === undefined) metadata.accessLevel = 'public';

  return { metadata, errors };
}
