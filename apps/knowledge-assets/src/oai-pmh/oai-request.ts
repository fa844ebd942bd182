/**
 * An OAI-PMH 2.0 request's arguments checked as the protocol says (sections 3.1, 3.3 and 4): which
 * arguments each verb takes, required or exclusive, each at most once; from/until in one of the two
 * granularities the repository supports (day and second) and the same one, from not after until.
 */
export const OAI_ERROR_CODES = [
  'badArgument',
  'badResumptionToken',
  'badVerb',
  'cannotDisseminateFormat',
  'idDoesNotExist',
  'noRecordsMatch',
  'noMetadataFormats',
  'noSetHierarchy',
] as const;
export type OaiErrorCode = (typeof OAI_ERROR_CODES)[number];

export interface OaiError {
  code: OaiErrorCode;
  message: string;
}

export const OAI_VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'ListIdentifiers', 'ListRecords', 'GetRecord'] as const;
export type OaiVerb = (typeof OAI_VERBS)[number];

/** For each verb, its arguments: required, optional, or exclusive (alone but for the verb). */
const ARGUMENTS: Record<OaiVerb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
};

/** A date-time bound of a selective harvest, inclusive, at the second. */
export interface DateBound {
  /** As given: echoed in the request element. */
  given: string;
  at: Date;
}

export type OaiRequest =
  | { verb: 'Identify' }
  | { verb: 'ListMetadataFormats'; identifier: string | null }
  | { verb: 'ListSets'; resumptionToken: string | null }
  | { verb: 'GetRecord'; identifier: string; metadataPrefix: string }
  | { verb: 'ListIdentifiers' | 'ListRecords'; resumptionToken: string; metadataPrefix?: undefined }
  | { verb: 'ListIdentifiers' | 'ListRecords'; resumptionToken?: undefined; metadataPrefix: string; set: string | null; from: DateBound | null; until: DateBound | null };

/** What a request asked, pairs as received (a query string or a form body may repeat a name). */
export type OaiArguments = ReadonlyArray<readonly [string, string]>;

export type ParsedOaiRequest =
  | { request: OaiRequest; echo: Record<string, string> }
  /** badVerb and badArgument: the request element then holds the base URL only (section 3.6). */
  | { errors: OaiError[]; echo: null };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** A UTCdatetime at either granularity, or null when it is neither or no such instant exists. */
function dateOf(text: string, bound: 'from' | 'until'): { at: Date; granularity: 'day' | 'second' } | null {
  const day = DAY.exec(text);
  const second = day ? null : SECOND.exec(text);
  if (!day && !second) return null;
  const iso = day ? `${text}T${bound === 'from' ? '00:00:00' : '23:59:59'}Z` : text;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 19) !== iso.slice(0, 19)) return null;
  return { at, granularity: day ? 'day' : 'second' };
}

export function parseOaiRequest(pairs: OaiArguments): ParsedOaiRequest {
  const given = new Map<string, string[]>();
  for (const [name, value] of pairs) given.set(name, [...(given.get(name) ?? []), value]);
  const verbs = given.get('verb') ?? [];
  if (verbs.length !== 1 || !OAI_VERBS.includes(verbs[0] as OaiVerb)) {
    const message = verbs.length === 0 ? 'no verb' : verbs.length > 1 ? 'the verb is repeated' : `${verbs[0]} is not an OAI-PMH verb`;
    return { errors: [{ code: 'badVerb', message }], echo: null };
  }
  const verb = verbs[0] as OaiVerb;
  const allowed = ARGUMENTS[verb];
  const errors: OaiError[] = [];
  for (const [name, values] of given) {
    if (name === 'verb') continue;
    if (![...allowed.required, ...allowed.optional, allowed.exclusive].includes(name)) errors.push({ code: 'badArgument', message: `${name} is not an argument of ${verb}` });
    else if (values.length > 1) errors.push({ code: 'badArgument', message: `${name} is repeated` });
  }
  const one = (name: string): string | undefined => given.get(name)?.[0];
  const exclusive = allowed.exclusive && one(allowed.exclusive) !== undefined;
  if (exclusive) {
    if (given.size > 2) errors.push({ code: 'badArgument', message: `${allowed.exclusive} is an exclusive argument: no other but the verb` });
  } else {
    for (const name of allowed.required) if (one(name) === undefined) errors.push({ code: 'badArgument', message: `${verb} needs ${name}` });
  }
  const from = one('from');
  const until = one('until');
  const fromDate = from !== undefined ? dateOf(from, 'from') : null;
  const untilDate = until !== undefined ? dateOf(until, 'until') : null;
  if (from !== undefined && !fromDate) errors.push({ code: 'badArgument', message: `from ${from} is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ` });
  if (until !== undefined && !untilDate) errors.push({ code: 'badArgument', message: `until ${until} is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ` });
  if (fromDate && untilDate) {
    if (fromDate.granularity !== untilDate.granularity) errors.push({ code: 'badArgument', message: 'from and until are of different granularities' });
    else if (fromDate.at > untilDate.at) errors.push({ code: 'badArgument', message: 'from is later than until' });
  }
  if (errors.length > 0) return { errors, echo: null };

  const echo = Object.fromEntries([...given].map(([name, values]) => [name, values[0]!]));
  switch (verb) {
    case 'Identify':
      return { request: { verb }, echo };
    case 'ListMetadataFormats':
      return { request: { verb, identifier: one('identifier') ?? null }, echo };
    case 'ListSets':
      return { request: { verb, resumptionToken: one('resumptionToken') ?? null }, echo };
    case 'GetRecord':
      return { request: { verb, identifier: one('identifier')!, metadataPrefix: one('metadataPrefix')! }, echo };
    default: {
      const token = one('resumptionToken');
      if (token !== undefined) return { request: { verb, resumptionToken: token }, echo };
      return {
        request: {
          verb,
          metadataPrefix: one('metadataPrefix')!,
          set: one('set') ?? null,
          from: fromDate ? { given: from!, at: fromDate.at } : null,
          until: untilDate ? { given: until!, at: untilDate.at } : null,
        },
        echo,
      };
    }
  }
}
