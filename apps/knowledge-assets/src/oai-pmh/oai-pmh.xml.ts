import type { DublinCoreRecord } from '../dublin-core/dublin-core-record.js';
import { oaiDcElement } from '../dublin-core/oai-dc.xml.js';
import { buildXml, xmlText, XSI_NAMESPACE } from '../dublin-core/xml-document.js';
import type { OaiError } from './oai-request.js';

/**
 * OAI-PMH 2.0 responses as XML (the protocol's section 3.2 and OAI-PMH.xsd): the envelope, each verb's
 * element in the schema's order, and the oai_dc metadata. Knows the wire format only; what to say comes
 * from the provider.
 */
export const OAI_PMH_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/';
export const OAI_PMH_SCHEMA = 'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd';

export interface OaiHeader {
  identifier: string;
  datestamp: Date;
  setSpecs: string[];
  deleted: boolean;
}

export interface OaiResumption {
  token: string;
  expirationDate: Date | null;
  completeListSize: number;
  cursor: number;
}

export type OaiPayload =
  | { verb: 'Identify'; repositoryName: string; baseURL: string; adminEmail: string; earliestDatestamp: Date }
  | { verb: 'ListMetadataFormats'; formats: Array<{ metadataPrefix: string; schema: string; metadataNamespace: string }> }
  | { verb: 'ListSets'; sets: Array<{ setSpec: string; setName: string }> }
  | { verb: 'ListIdentifiers'; headers: OaiHeader[]; resumption: OaiResumption | null }
  | { verb: 'ListRecords'; records: Array<{ header: OaiHeader; metadata: DublinCoreRecord | null }>; resumption: OaiResumption | null }
  | { verb: 'GetRecord'; record: { header: OaiHeader; metadata: DublinCoreRecord | null } };

export interface OaiResponse {
  responseDate: Date;
  baseURL: string;
  /** The request's arguments, echoed; null for badVerb and badArgument (the base URL alone). */
  echo: Record<string, string> | null;
  result: { errors: OaiError[] } | OaiPayload;
}

/** `YYYY-MM-DDThh:mm:ssZ`, the repository's granularity. */
export const utcSeconds = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

function headerElement(header: OaiHeader): Record<string, unknown> {
  return {
    ...(header.deleted ? { '@_status': 'deleted' } : {}),
    identifier: { '#text': header.identifier },
    datestamp: { '#text': utcSeconds(header.datestamp) },
    ...(header.setSpecs.length > 0 ? { setSpec: header.setSpecs.map((spec) => ({ '#text': spec })) } : {}),
  };
}

function recordElement(record: { header: OaiHeader; metadata: DublinCoreRecord | null }): Record<string, unknown> {
  return { header: headerElement(record.header), ...(record.metadata && !record.header.deleted ? { metadata: oaiDcElement(record.metadata) } : {}) };
}

function resumptionElement(resumption: OaiResumption | null): Record<string, unknown> {
  if (!resumption) return {};
  return {
    resumptionToken: {
      ...(resumption.expirationDate ? { '@_expirationDate': utcSeconds(resumption.expirationDate) } : {}),
      '@_completeListSize': String(resumption.completeListSize),
      '@_cursor': String(resumption.cursor),
      '#text': resumption.token,
    },
  };
}

function payloadElement(payload: OaiPayload): Record<string, unknown> {
  switch (payload.verb) {
    case 'Identify':
      return {
        repositoryName: { '#text': xmlText(payload.repositoryName) },
        baseURL: { '#text': payload.baseURL },
        protocolVersion: { '#text': '2.0' },
        adminEmail: { '#text': payload.adminEmail },
        earliestDatestamp: { '#text': utcSeconds(payload.earliestDatestamp) },
        deletedRecord: { '#text': 'persistent' },
        granularity: { '#text': 'YYYY-MM-DDThh:mm:ssZ' },
      };
    case 'ListMetadataFormats':
      return { metadataFormat: payload.formats.map((format) => ({ metadataPrefix: { '#text': format.metadataPrefix }, schema: { '#text': format.schema }, metadataNamespace: { '#text': format.metadataNamespace } })) };
    case 'ListSets':
      return { set: payload.sets.map((set) => ({ setSpec: { '#text': set.setSpec }, setName: { '#text': xmlText(set.setName) } })) };
    case 'ListIdentifiers':
      return { header: payload.headers.map(headerElement), ...resumptionElement(payload.resumption) };
    case 'ListRecords':
      return { record: payload.records.map(recordElement), ...resumptionElement(payload.resumption) };
    case 'GetRecord':
      return { record: recordElement(payload.record) };
  }
}

export function writeOaiPmhResponse(response: OaiResponse): string {
  const echo = Object.fromEntries(Object.entries(response.echo ?? {}).map(([name, value]) => [`@_${name}`, xmlText(value)]));
  const body =
    'errors' in response.result
      ? { error: response.result.errors.map((error) => ({ '@_code': error.code, '#text': xmlText(error.message) })) }
      : { [response.result.verb]: payloadElement(response.result) };
  const document = {
    'OAI-PMH': {
      '@_xmlns': OAI_PMH_NAMESPACE,
      '@_xmlns:xsi': XSI_NAMESPACE,
      '@_xsi:schemaLocation': `${OAI_PMH_NAMESPACE} ${OAI_PMH_SCHEMA}`,
      responseDate: { '#text': utcSeconds(response.responseDate) },
      request: { ...echo, '#text': response.baseURL },
      ...body,
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${buildXml(document)}`;
}
