import type { ConceptScheme } from './concept.entity.js';
import type { ConceptView } from './taxonomy.repository.js';

export const JSON_LD_MEDIA_TYPE = 'application/ld+json';

/**
 * Concepts and schemes are named by URN (RFC 9562 `urn:uuid:`): their ids are UUIDs, and an IRI must not
 * change with the host name or path a deployment happens to be served from.
 */
export function conceptIri(id: string): string {
  return `urn:uuid:${id}`;
}

/**
 * Language maps (`"prefLabel": {"en": "Forced labour"}`) expand to language-tagged literals, the shape
 * SKOS labels have; links are IRIs. The terms are SKOS Reference (W3C, 2009) properties and classes.
 */
const CONTEXT = {
  skos: 'http://www.w3.org/2004/02/skos/core#',
  id: '@id',
  type: '@type',
  ConceptScheme: 'skos:ConceptScheme',
  Concept: 'skos:Concept',
  prefLabel: { '@id': 'skos:prefLabel', '@container': '@language' },
  altLabel: { '@id': 'skos:altLabel', '@container': '@language' },
  definition: { '@id': 'skos:definition', '@container': '@language' },
  inScheme: { '@id': 'skos:inScheme', '@type': '@id' },
  hasTopConcept: { '@id': 'skos:hasTopConcept', '@type': '@id' },
  topConceptOf: { '@id': 'skos:topConceptOf', '@type': '@id' },
  broader: { '@id': 'skos:broader', '@type': '@id' },
  narrower: { '@id': 'skos:narrower', '@type': '@id' },
} as const;

/**
 * The scheme as SKOS in JSON-LD: the scheme with its top concepts (those without a broader concept),
 * then every concept with its labels, definitions, scheme and both directions of its hierarchy, so a
 * reader needs no inference to walk it either way.
 */
export function skosJsonLd(scheme: ConceptScheme, concepts: ConceptView[]): Record<string, unknown> {
  const schemeIri = conceptIri(scheme.id);
  const top = concepts.filter(({ concept }) => concept.broader.length === 0).map(({ concept }) => conceptIri(concept.id));
  return {
    '@context': CONTEXT,
    '@graph': [
      { id: schemeIri, type: 'ConceptScheme', prefLabel: scheme.title, hasTopConcept: top },
      ...concepts.map(({ concept, narrower }) => ({
        id: conceptIri(concept.id),
        type: 'Concept',
        inScheme: schemeIri,
        ...(concept.broader.length === 0 ? { topConceptOf: schemeIri } : {}),
        prefLabel: concept.prefLabel,
        altLabel: concept.altLabel,
        definition: concept.definition,
        broader: concept.broader.map(conceptIri),
        narrower: narrower.map(conceptIri),
      })),
    ],
  };
}
