import countries from 'i18n-iso-countries';
import { createRequire } from 'node:module';

/**
 * The identifier standards asset metadata is checked against. Each answers "is this one?" from a
 * maintained source: i18n-iso-countries for ISO 3166-1 and the SPDX list for licences; ORCID, DOI and
 * Handle from their published syntax. Language tags are the platform's (`canonicalLanguageTag`, #ikm/http).
 */

/** An ISO 3166-1 alpha-2 code, upper case (`FR`, `KE`); alpha-3 and numeric codes are refused. */
export function isCountryCode(code: unknown): boolean {
  return typeof code === 'string' && /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

const SPDX_IDS: ReadonlySet<string> = new Set(createRequire(import.meta.url)('spdx-license-ids') as string[]);

/** A current SPDX licence identifier, as the SPDX list spells it (`CC-BY-4.0`, `MIT`). */
export function isSpdxLicence(id: unknown): boolean {
  return typeof id === 'string' && SPDX_IDS.has(id);
}

/**
 * An ORCID iD `0000-0002-1825-0097`: four groups of four digits, the last character a checksum
 * (ISO 7064 MOD 11-2, `X` for 10), as ORCID documents it.
 */
export function isOrcid(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value)) return false;
  const digits = value.replaceAll('-', '');
  let total = 0;
  for (const digit of digits.slice(0, -1)) total = (total + Number(digit)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits.at(-1) === (check === 10 ? 'X' : String(check));
}

/** DOI syntax as Crossref recommends matching it: `10.<registrant>/<suffix>`. */
const DOI = /^10\.\d{4,9}\/[-._;()/:A-Za-z0-9]+$/;
/** Handle syntax: `<prefix>/<suffix>`, the prefix dot-separated digits (`20.500.12345/678`). */
const HANDLE = /^\d+(?:\.\d+)*\/[\x21-\x7e]+$/;

export const PERSISTENT_IDENTIFIER_PATTERNS = { doi: DOI, handle: HANDLE } as const;

/** `sha256:<64 hex>`, `sha512:<128 hex>` or `md5:<32 hex>`, lower case. */
export const CHECKSUM = /^(?:sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128}|md5:[0-9a-f]{32})$/;

/** A media type as RFC 6838 shapes it (`application/pdf`), without parameters. */
export const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;
