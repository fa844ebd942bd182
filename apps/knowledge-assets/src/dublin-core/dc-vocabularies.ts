import { ASSET_TYPES, ILO_REGIONS, type AccessLevel, type AssetType, type IloRegion } from '#ikm/contracts';
import { canonicalLanguageTag } from '#ikm/http';
import countries from 'i18n-iso-countries';
import { createRequire } from 'node:module';
import { isCountryCode, isOrcid, isSpdxLicence, PERSISTENT_IDENTIFIER_PATTERNS } from '../asset/metadata/standards.js';
import type { PersistentIdentifier } from '../asset/metadata/asset-metadata.js';

/**
 * The vocabularies the Dublin Core mapping writes and reads, each both ways: DCMI Type, info:eu-repo
 * (OpenAIRE Guidelines) types and access rights, SPDX and Creative Commons licence URLs, DOI and Handle
 * URIs, ORCID iDs, ISO 639 languages (codes or names), ISO 3166 countries (codes or names) and ILO regions.
 * Readers answer null for what they do not recognise; the mapping reports it.
 */

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/fr.json'));
countries.registerLocale(require('i18n-iso-countries/langs/es.json'));

/** The DCMI Type term of each asset type: only a dataset is not Text. */
export const DCMI_TYPE_OF: Record<AssetType, string> = {
  publication: 'Text',
  dataset: 'Dataset',
  evaluation: 'Text',
  policy_brief: 'Text',
  good_practice: 'Text',
  lesson_learned: 'Text',
  toolkit: 'Text',
  course_material: 'Text',
  meeting_report: 'Text',
  foresight_signal: 'Text',
  foresight_scenario: 'Text',
};

const letters = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, '');

/** Our types by their letters (`policy_brief`, `Policy brief`, `policy-brief` alike). */
const OWN_TYPES = new Map<string, AssetType>(ASSET_TYPES.map((type) => [letters(type), type]));

/**
 * Specific words of other repositories (info:eu-repo/semantics, COAR and InvenioRDM resource types,
 * DSpace's free text) that say which of our types a record is.
 */
const SPECIFIC_TYPES = new Map<string, AssetType>([
  ...['article', 'journalarticle', 'book', 'bookpart', 'bookchapter', 'preprint', 'workingpaper', 'report', 'technicalreport', 'researchreport', 'review', 'doctoralthesis', 'masterthesis', 'bachelorthesis', 'thesis', 'contributiontoperiodical', 'conferenceobject', 'conferencepaper', 'annotation', 'publicationarticle', 'publicationbook', 'publicationsection', 'publicationreport', 'publicationworkingpaper', 'publicationpreprint', 'publicationthesis', 'publicationconferencepaper', 'publicationother', 'publication'].map((word) => [word, 'publication'] as const),
  ...['dataset', 'data', 'datapaper'].map((word) => [word, 'dataset'] as const),
  ...['lecture', 'lessonmaterial', 'learningobject', 'coursematerial', 'presentation'].map((word) => [word, 'course_material'] as const),
  ...['evaluationreport', 'evaluation'].map((word) => [word, 'evaluation'] as const),
  ...['policybrief', 'brief'].map((word) => [word, 'policy_brief'] as const),
  ...['meetingreport', 'meetingdocument', 'proceedings'].map((word) => [word, 'meeting_report'] as const),
]);

/** DCMI Type terms that still say something, less than the words above. */
const GENERIC_TYPES = new Map<string, AssetType>([
  ['text', 'publication'],
  ['dataset', 'dataset'],
]);

/**
 * The asset type a record's `dc:type` values say, the most specific winning: one of ours, then a
 * specific word (`info:eu-repo/semantics/article`, `Article`, `publication-report`), then a DCMI Type
 * term (`Text`). `unmatched` are the values that said nothing we know.
 */
export function assetTypeOf(values: readonly string[]): { type: AssetType | null; unmatched: string[] } {
  let best: { type: AssetType; rank: number } | null = null;
  const unmatched: string[] = [];
  for (const value of values) {
    const word = letters(value.replace(/^info:eu-repo\/semantics\//i, '').replace(/^https?:\/\/purl\.org\/dc\/dcmitype\//i, ''));
    const match: [AssetType, number] | null = OWN_TYPES.has(word)
      ? [OWN_TYPES.get(word)!, 3]
      : SPECIFIC_TYPES.has(word)
        ? [SPECIFIC_TYPES.get(word)!, 2]
        : GENERIC_TYPES.has(word)
          ? [GENERIC_TYPES.get(word)!, 1]
          : null;
    if (!match) {
      // info:eu-repo/semantics/other and DCMI terms we have no type for say nothing wrong: not reported.
      if (!/^(?:info:eu-repo\/semantics\/)?other$/i.test(value.trim())) unmatched.push(value);
      continue;
    }
    if (!best || match[1] > best.rank) best = { type: match[0], rank: match[1] };
  }
  return { type: best?.type ?? null, unmatched };
}

// ----- Identifiers -----

export const DOI_RESOLVER = 'https://doi.org/';
export const HANDLE_RESOLVER = 'https://hdl.handle.net/';

export function persistentIdentifierUri(identifier: PersistentIdentifier): string {
  return (identifier.scheme === 'doi' ? DOI_RESOLVER : HANDLE_RESOLVER) + identifier.value;
}

/**
 * A DOI or Handle however repositories write it: `https://doi.org/10...`, `http://dx.doi.org/...`,
 * `doi:10...`, `info:doi/10...`, bare `10.1234/x`; `hdl:20.500/1`, `http://hdl.handle.net/...`,
 * `info:hdl/...`. A bare `<prefix>/<suffix>` is not taken for a Handle: too many things look like one.
 */
export function persistentIdentifierOf(text: string): PersistentIdentifier | null {
  const value = text.trim();
  const doi = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*|info:doi\/)?(10\..+)$/i.exec(value);
  if (doi) {
    const candidate = decodeURIComponentSafe(doi[1]!);
    if (PERSISTENT_IDENTIFIER_PATTERNS.doi.test(candidate)) return { scheme: 'doi', value: candidate };
  }
  const handle = /^(?:https?:\/\/hdl\.handle\.net\/|hdl:\s*|info:hdl\/)(.+)$/i.exec(value);
  if (handle) {
    const candidate = decodeURIComponentSafe(handle[1]!);
    if (PERSISTENT_IDENTIFIER_PATTERNS.handle.test(candidate)) return { scheme: 'handle', value: candidate };
  }
  return null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// ----- Creators -----

export const ORCID_RESOLVER = 'https://orcid.org/';

/**
 * A creator's name and ORCID iD from a `dc:creator` value: `Name (https://orcid.org/<iD>)` as we write
 * it, or an iD anywhere in it (`Doe, Jane; 0000-0002-1825-0097`, `Doe, Jane [orcid:...]`), checksum checked.
 */
export function creatorOf(text: string): { name: string; orcid: string | null } {
  const found = /(?:https?:\/\/orcid\.org\/|orcid:?\s*)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/i.exec(text);
  if (!found || !isOrcid(found[1]!.toUpperCase())) return { name: text.replace(/\s+/g, ' ').trim(), orcid: null };
  const name = (text.slice(0, found.index) + text.slice(found.index + found[0].length))
    .replace(/[([{]\s*[)\]}]/g, '')
    .replace(/[\s;,|]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { name, orcid: found[1]!.toUpperCase() };
}

// ----- Dates -----

/**
 * A date as `YYYY-MM-DD` from the shapes W3CDTF and repositories use: `2019`, `2019-05`, `2019-05-03`,
 * `2019-05-03T10:00:00Z` (the calendar date as written, not shifted to UTC). A year alone becomes its
 * first day, a month its first day: `dateIssued` is a date. Null for anything else.
 */
export function calendarDateOf(text: string): string | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(text.trim());
  if (!match) return null;
  const [, year, month = '01', day = '01'] = match;
  const date = `${year}-${month}-${day}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) && Number(year) >= 1000 ? date : null;
}

/** OpenAIRE's way of saying when an embargo ends, in `dc:date`. */
export const EMBARGO_END_PREFIX = 'info:eu-repo/date/embargoEnd/';

// ----- Languages -----

const ENGLISH_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** ISO 639-1 languages by their names in English, French and Spanish and in their own language, lower case. */
let languagesByName: Map<string, string> | null = null;
function languageByName(name: string): string | undefined {
  if (!languagesByName) {
    languagesByName = new Map();
    const namers = ['en', 'fr', 'es'].map((locale) => new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }));
    for (let first = 97; first <= 122; first++) {
      for (let second = 97; second <= 122; second++) {
        const code = String.fromCharCode(first, second);
        if (!ENGLISH_NAMES.of(code)) continue;
        const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' });
        for (const namer of [...namers, own]) {
          const label = namer.of(code)?.toLowerCase();
          if (label && !languagesByName.has(label)) languagesByName.set(label, code);
        }
      }
    }
  }
  return languagesByName.get(name.trim().toLowerCase());
}

/**
 * A BCP 47 tag from what repositories put in `dc:language`: `en`, `en_US`, ISO 639-2/3 `eng`, `fre`,
 * `fra` (ICU canonicalises them to `en`, `fr`), or a name (`English`, `français`, `Español`).
 */
export function languageTagOf(text: string): string | null {
  const trimmed = text.trim();
  return canonicalLanguageTag(trimmed.replaceAll('_', '-')) ?? languageByName(trimmed) ?? null;
}

// ----- Coverage -----

/** ILO regions as their English names, the way we write them. */
export const REGION_NAMES: Record<IloRegion, string> = {
  africa: 'Africa',
  americas: 'Americas',
  arab_states: 'Arab States',
  asia_and_the_pacific: 'Asia and the Pacific',
  europe_and_central_asia: 'Europe and Central Asia',
};

const REGIONS_BY_LETTERS = new Map<string, IloRegion>(ILO_REGIONS.flatMap((region) => [[letters(region), region] as const, [letters(REGION_NAMES[region]), region] as const]));

/** A country (ISO 3166-1 alpha-2, alpha-3 or an English, French or Spanish name) or ILO region in a `dc:coverage` value. */
export function coverageOf(text: string): { country: string } | { region: IloRegion } | null {
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (isCountryCode(upper) && trimmed.length === 2) return { country: upper };
  if (/^[A-Z]{3}$/.test(upper) && countries.alpha3ToAlpha2(upper)) return { country: countries.alpha3ToAlpha2(upper)! };
  const region = REGIONS_BY_LETTERS.get(letters(trimmed));
  if (region) return { region };
  for (const locale of ['en', 'fr', 'es']) {
    const code = countries.getAlpha2Code(trimmed, locale);
    if (code) return { country: code };
  }
  return null;
}

// ----- Rights -----

export const SPDX_LICENCE_BASE = 'https://spdx.org/licenses/';

export function licenceUrl(spdxId: string): string {
  return `${SPDX_LICENCE_BASE}${spdxId}.html`;
}

/**
 * An SPDX licence from a `dc:rights` value: an SPDX URL (`https://spdx.org/licenses/CC-BY-4.0.html`),
 * a Creative Commons deed or legal code URL (`https://creativecommons.org/licenses/by-nc/4.0/`,
 * `.../publicdomain/zero/1.0/`), or an SPDX identifier as SPDX spells it.
 */
export function licenceOf(text: string): string | null {
  const trimmed = text.trim();
  const spdx = /^https?:\/\/spdx\.org\/licenses\/([A-Za-z0-9.+-]+?)(?:\.html|\.json)?$/i.exec(trimmed);
  if (spdx && isSpdxLicence(spdx[1])) return spdx[1]!;
  const cc = /^https?:\/\/(?:www\.)?creativecommons\.org\/licenses\/([a-z-]+)\/(\d\.\d)(?:\/([a-z]{2}))?/i.exec(trimmed);
  if (cc) {
    const id = `CC-${cc[1]!.toUpperCase()}-${cc[2]}${cc[3] ? `-${cc[3].toUpperCase()}` : ''}`;
    if (isSpdxLicence(id)) return id;
    if (isSpdxLicence(`CC-${cc[1]!.toUpperCase()}-${cc[2]}`)) return `CC-${cc[1]!.toUpperCase()}-${cc[2]}`;
  }
  if (/^https?:\/\/(?:www\.)?creativecommons\.org\/publicdomain\/zero\/1\.0/i.test(trimmed)) return 'CC0-1.0';
  return isSpdxLicence(trimmed) ? trimmed : null;
}

/** The OpenAIRE access right (info:eu-repo/semantics) of each access level: internal and restricted alike are restricted. */
export function accessRightOf(accessLevel: AccessLevel, embargoed: boolean): string {
  if (accessLevel !== 'public') return 'info:eu-repo/semantics/restrictedAccess';
  return embargoed ? 'info:eu-repo/semantics/embargoedAccess' : 'info:eu-repo/semantics/openAccess';
}

/**
 * The access level an access right says: open and embargoed access are public (an embargo date comes in
 * `dc:date`); restricted, closed and metadata-only access are internal here, since who else may read
 * cannot be said in Dublin Core.
 */
export function accessLevelOf(text: string): AccessLevel | null {
  const right = /^info:eu-repo\/semantics\/(openAccess|embargoedAccess|restrictedAccess|closedAccess|metadataOnlyAccess)$/i.exec(text.trim())?.[1]?.toLowerCase();
  if (!right) return /^open access$/i.test(text.trim()) ? 'public' : null;
  return right === 'openaccess' || right === 'embargoedaccess' ? 'public' : 'internal';
}

/** A concept of the taxonomy as a subject: its IRI, as the SKOS export names it. */
export const CONCEPT_IRI_PREFIX = 'urn:uuid:';
