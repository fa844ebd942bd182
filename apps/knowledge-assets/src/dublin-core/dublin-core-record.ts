/**
 * A record in simple Dublin Core (DCMI Metadata Terms, the 15 elements of the /elements/1.1/
 * namespace): every element repeatable and optional, each value with its language when it has one.
 * It is the JSON form of Dublin Core here, and what the oai_dc XML reader and writer turn into and
 * from, so that the mapping to an asset's metadata is written once (dublin-core.mapping.ts).
 */
export const DC_ELEMENTS = [
  'title',
  'creator',
  'subject',
  'description',
  'publisher',
  'contributor',
  'date',
  'type',
  'format',
  'identifier',
  'source',
  'language',
  'relation',
  'coverage',
  'rights',
] as const;

export type DcElement = (typeof DC_ELEMENTS)[number];

export interface DcValue {
  value: string;
  /** xml:lang: a BCP 47 tag, when the value is in a language. */
  lang?: string;
}

export type DublinCoreRecord = Partial<Record<DcElement, DcValue[]>>;
