import { XMLParser } from 'fast-xml-parser';

/**
 * The OAI-PMH 2.0 response envelope (https://www.openarchives.org/OAI/2.0/openarchivesprotocol.htm
 * §3.2, §4.2, §4.5) read with fast-xml-parser: records' headers, their metadata left as XML for the
 * metadata format's own reader (oai_dc: dublin-core/), the resumption token, and OAI errors.
 */
export interface OaiRecordHeader {
  identifier: string;
  datestamp: string;
  /** `status="deleted"`: the record is gone and carries no metadata (§2.5.1). */
  deleted: boolean;
  setSpecs: string[];
}

export interface OaiRecord {
  header: OaiRecordHeader;
  /** The content of `<metadata>` as XML (one element in the format's namespace), null for a deleted record. */
  metadataXml: string | null;
}

export interface ResumptionToken {
  /** Empty on the last page of a list (§3.5). */
  token: string | null;
  completeListSize: number | null;
  cursor: number | null;
}

export interface ListRecordsPage {
  responseDate: string | null;
  records: OaiRecord[];
  resumption: ResumptionToken | null;
}

export interface IdentifyResponse {
  repositoryName: string | null;
  earliestDatestamp: string | null;
  /** `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`: the finest `from` the repository accepts (§3.3). */
  granularity: 'YYYY-MM-DD' | 'YYYY-MM-DDThh:mm:ssZ';
  deletedRecord: string | null;
}

export const OAI_ERROR_CODES = ['badArgument', 'badResumptionToken', 'badVerb', 'cannotDisseminateFormat', 'idDoesNotExist', 'noRecordsMatch', 'noMetadataFormats', 'noSetHierarchy'] as const;

/** An error the repository answered in the envelope (§3.6); `noRecordsMatch` is an empty list, not a failure. */
export class OaiPmhError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`OAI-PMH ${code}: ${message}`);
    this.name = 'OaiPmhError';
  }
}

/** Not an OAI-PMH response at all (HTML error page, truncated body): worth retrying like a transport failure. */
export class MalformedOaiResponseError extends Error {
  override name = 'MalformedOaiResponseError';
}

const METADATA_PATH = 'OAI-PMH.ListRecords.record.metadata';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // The metadata stays XML: its format's reader (with its namespaces and xml:lang) reads it.
  stopNodes: [METADATA_PATH],
  isArray: (_name, path) => path === 'OAI-PMH.ListRecords.record' || path === 'OAI-PMH.ListRecords.record.header.setSpec' || path === 'OAI-PMH.error',
});

type Node = Record<string, unknown>;

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') {
    const inner = (value as Node)['#text'];
    return inner === undefined ? null : String(inner);
  }
  const string = String(value);
  return string === '' ? null : string;
}

function integer(value: unknown): number | null {
  if (value === undefined) return null;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : null;
}

function envelope(xml: string): Node {
  let parsed: Node;
  try {
    parsed = parser.parse(xml) as Node;
  } catch (error) {
    throw new MalformedOaiResponseError(`not XML: ${(error as Error).message}`);
  }
  const root = parsed['OAI-PMH'];
  if (!root || typeof root !== 'object') throw new MalformedOaiResponseError('no OAI-PMH root element');
  const errors = (root as Node).error as unknown[] | undefined;
  if (errors?.length) {
    const first = errors[0] as Node | string;
    const code = typeof first === 'object' ? String(first['@_code'] ?? 'unknown') : 'unknown';
    throw new OaiPmhError(code, text(first) ?? '');
  }
  return root as Node;
}

function header(node: Node): OaiRecordHeader {
  const identifier = text(node.identifier);
  const datestamp = text(node.datestamp);
  if (!identifier || !datestamp) throw new MalformedOaiResponseError('a record header without identifier or datestamp');
  const setSpecs = ((node.setSpec as unknown[] | undefined) ?? []).map(text).filter((spec): spec is string => spec !== null);
  return { identifier, datestamp, deleted: node['@_status'] === 'deleted', setSpecs };
}

export function parseListRecords(xml: string): ListRecordsPage {
  const root = envelope(xml);
  const list = root.ListRecords as Node | undefined;
  if (list === undefined) throw new MalformedOaiResponseError('no ListRecords element');
  const records = ((typeof list === 'object' ? (list.record as Node[] | undefined) : undefined) ?? []).map((record) => {
    const metadata = record.metadata;
    const metadataXml = typeof metadata === 'string' ? metadata : metadata && typeof metadata === 'object' ? text(metadata) : null;
    return { header: header(record.header as Node), metadataXml: metadataXml?.trim() || null };
  });
  const token = typeof list === 'object' ? list.resumptionToken : undefined;
  const resumption =
    token === undefined
      ? null
      : typeof token === 'object'
        ? { token: text(token), completeListSize: integer((token as Node)['@_completeListSize']), cursor: integer((token as Node)['@_cursor']) }
        : { token: text(token), completeListSize: null, cursor: null };
  return { responseDate: text(root.responseDate), records, resumption };
}

export function parseIdentify(xml: string): IdentifyResponse {
  const identify = envelope(xml).Identify as Node | undefined;
  if (!identify) throw new MalformedOaiResponseError('no Identify element');
  return {
    repositoryName: text(identify.repositoryName),
    earliestDatestamp: text(identify.earliestDatestamp),
    granularity: text(identify.granularity) === 'YYYY-MM-DDThh:mm:ssZ' ? 'YYYY-MM-DDThh:mm:ssZ' : 'YYYY-MM-DD',
    deletedRecord: text(identify.deletedRecord),
  };
}
