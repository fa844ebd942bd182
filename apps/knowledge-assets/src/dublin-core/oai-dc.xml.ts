import { DC_ELEMENTS, type DcElement, type DcValue, type DublinCoreRecord } from './dublin-core-record.js';
import {
  attributeOf,
  buildXml,
  childElements,
  documentRoot,
  findElement,
  namespaceScope,
  parseXmlDocument,
  XML_NAMESPACE,
  xmlText,
  XSI_NAMESPACE,
  type ScopedElement,
  type XmlElement,
} from './xml-document.js';

/**
 * The oai_dc format of OAI-PMH 2.0 (its section 6.2 and the schema oai_dc.xsd): an `oai_dc:dc` element
 * holding the elements of simple Dublin Core in the `/elements/1.1/` namespace, each repeatable, with
 * `xml:lang`. The adapter between that XML and a `DublinCoreRecord`.
 */
export const OAI_DC_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const OAI_DC_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';
export const DC_NAMESPACE = 'http://purl.org/dc/elements/1.1/';

const DC_ELEMENT_SET: ReadonlySet<string> = new Set(DC_ELEMENTS);

/** The `oai_dc:dc` element as a tree for `buildXml`, to embed in a larger document (an OAI-PMH `metadata`). */
export function oaiDcElement(record: DublinCoreRecord): Record<string, unknown> {
  const dc: Record<string, unknown> = {
    '@_xmlns:oai_dc': OAI_DC_NAMESPACE,
    '@_xmlns:dc': DC_NAMESPACE,
    '@_xmlns:xsi': XSI_NAMESPACE,
    '@_xsi:schemaLocation': `${OAI_DC_NAMESPACE} ${OAI_DC_SCHEMA}`,
  };
  for (const element of DC_ELEMENTS) {
    const values = (record[element] ?? []).map((item) => ({ ...item, value: xmlText(item.value) })).filter((item) => item.value.trim() !== '');
    if (values.length > 0) dc[`dc:${element}`] = values.map((item) => (item.lang ? { '@_xml:lang': item.lang, '#text': item.value } : { '#text': item.value }));
  }
  return { 'oai_dc:dc': dc };
}

/** A record as an `oai_dc:dc` element (no XML declaration: it is what an OAI-PMH `metadata` holds). */
export function writeOaiDc(record: DublinCoreRecord): string {
  return buildXml(oaiDcElement(record));
}

/**
 * A record from oai_dc XML: a document or fragment whose `oai_dc:dc` is anywhere in it (a whole OAI-PMH
 * response's first record, a `metadata` element, the element itself), or an element already parsed by
 * `parseXmlDocument` (the `oai_dc:dc` element's or an ancestor's content) with the prefixes in scope above it. Names are resolved by namespace, not prefix;
 * elements outside the Dublin Core namespace are ignored. Throws when there is no `oai_dc:dc`.
 */
export function readOaiDc(xmlOrParsedNode: string | XmlElement | ScopedElement, inheritedScope: Readonly<Record<string, string>> = {}): DublinCoreRecord {
  const start = startOf(xmlOrParsedNode, inheritedScope);
  // A parsed element with no oai_dc:dc inside is taken for the oai_dc:dc element itself (its name is its parent's key).
  const dc = (start ? findElement(start, OAI_DC_NAMESPACE, 'dc') : null) ?? (start && start.local === '' ? childElements(start.element, start.scope)[0]! : null);
  if (!dc) throw new Error(`no oai_dc:dc element (namespace ${OAI_DC_NAMESPACE})`);
  const record: Partial<Record<DcElement, DcValue[]>> = {};
  for (const child of childElements(dc.element, dc.scope)) {
    if (child.namespace !== DC_NAMESPACE || !DC_ELEMENT_SET.has(child.local)) continue;
    const value = (child.element['#text'] ?? '').trim();
    if (value === '') continue;
    const lang = attributeOf(child, XML_NAMESPACE, 'lang')?.trim();
    (record[child.local as DcElement] ??= []).push(lang ? { value, lang } : { value });
  }
  return record;
}

function startOf(input: string | XmlElement | ScopedElement, inheritedScope: Readonly<Record<string, string>>): ScopedElement | null {
  if (typeof input === 'string') return documentRoot(parseXmlDocument(input));
  if ('element' in input && 'scope' in input && typeof input.local === 'string') return input as ScopedElement;
  const element = input as XmlElement;
  // A parsed element whose name is unknown here: look at what it holds.
  return { element: { wrapper: [element] } as unknown as XmlElement, namespace: null, local: '', scope: namespaceScope({}, inheritedScope) };
}
