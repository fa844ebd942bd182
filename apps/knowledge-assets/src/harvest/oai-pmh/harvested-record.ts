import type { SourcePlatform } from '#ikm/contracts';
import { metadataFromDublinCore } from '../../dublin-core/dublin-core.mapping.js';
import { readOaiDc } from '../../dublin-core/oai-dc.xml.js';
import { XSI_NAMESPACE } from '../../dublin-core/xml-document.js';
import type { IngestibleRecord } from '../../ingestion/ingestible-record.js';
import type { OaiRecord } from './oai-pmh-response.js';

/**
 * An OAI-PMH record on its way in: identified by (the source's platform, its OAI identifier), which
 * the OAI-PMH guarantees unique and stable across a repository's formats. A record whose oai_dc cannot
 * be read goes in without metadata, and the pipeline rejects it with what it then misses.
 */
export function ingestibleRecordOf(record: OaiRecord, platform: SourcePlatform): { record: IngestibleRecord; mappingErrors: string[] } {
  const source = { platform, identifier: record.header.identifier, url: null };
  if (record.header.deleted) return { record: { source, datestamp: record.header.datestamp, deleted: true, metadata: null }, mappingErrors: [] };
  if (!record.metadataXml) return { record: { source, datestamp: record.header.datestamp, deleted: false, metadata: null }, mappingErrors: ['no metadata'] };
  try {
    // The envelope declared xsi (schemaLocation on oai_dc:dc), and the metadata was cut out of it.
    const { metadata, errors } = metadataFromDublinCore(readOaiDc(record.metadataXml, { xsi: XSI_NAMESPACE }));
    // The record's identity is its OAI identifier here, whatever dc:source said.
    return { record: { source, datestamp: record.header.datestamp, deleted: false, metadata: { ...metadata, source } }, mappingErrors: errors.map((error) => `${error.field}: ${error.reason}`) };
  } catch (error) {
    return { record: { source, datestamp: record.header.datestamp, deleted: false, metadata: null }, mappingErrors: [(error as Error).message] };
  }
}
