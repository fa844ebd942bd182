import { randomUUID } from 'node:crypto';
import type { ConceptContent } from './concept.entity.js';
import { TaxonomyGraph, type ConceptNode } from './taxonomy-graph.js';
import { TaxonomyErrorCode } from './taxonomy.errors.js';

/** labour law <- labour inspection <- occupational safety; forced labour apart. */
const law = randomUUID();
const inspection = randomUUID();
const safety = randomUUID();
const forced = randomUUID();
const nodes: ConceptNode[] = [
  { id: law, prefLabel: { en: 'Labour law', fr: 'Droit du travail' }, broader: [] },
  { id: inspection, prefLabel: { en: 'Labour inspection' }, broader: [law] },
  { id: safety, prefLabel: { en: 'Occupational safety' }, broader: [inspection] },
  { id: forced, prefLabel: { en: 'Forced labour', es: 'Trabajo forzoso' }, broader: [] },
];

function concept(id: string, content: Partial<ConceptContent>): { id: string } & ConceptContent {
  return { id, prefLabel: { en: `Concept ${id}` }, altLabel: {}, definition: {}, broader: [], ...content };
}

function refusal(check: () => void): { code: string; extensions: Record<string, unknown> } | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return error as { code: string; extensions: Record<string, unknown> };
  }
}

describe('the taxonomy graph rules', () => {
  const graph = new TaxonomyGraph(nodes);

  it('accept a new concept under any concept, and moves that keep the hierarchy a tree or a DAG', () => {
    expect(() => graph.assertAcceptable(concept(randomUUID(), { broader: [safety, forced] }))).not.toThrow();
    expect(() => graph.assertAcceptable(concept(forced, { prefLabel: { en: 'Forced labour' }, broader: [safety] }))).not.toThrow();
    expect(() => graph.assertAcceptable(concept(safety, { prefLabel: { en: 'Occupational safety' }, broader: [law] }))).not.toThrow();
  });

  it('refuse a concept broader than itself', () => {
    expect(refusal(() => graph.assertAcceptable(concept(law, { prefLabel: { en: 'Labour law' }, broader: [law] })))?.code).toBe(TaxonomyErrorCode.SelfBroader);
  });

  it('refuse a cycle through other concepts, naming its path', () => {
    const error = refusal(() => graph.assertAcceptable(concept(law, { prefLabel: { en: 'Labour law' }, broader: [safety] })));
    expect(error?.code).toBe(TaxonomyErrorCode.Cycle);
    expect(error?.extensions.cycle).toEqual([law, safety, inspection, law]);
    expect(refusal(() => graph.assertAcceptable(concept(inspection, { prefLabel: { en: 'Labour inspection' }, broader: [forced, safety] })))?.code).toBe(
      TaxonomyErrorCode.Cycle,
    );
  });

  it('refuse a broader concept that is not in the scheme', () => {
    expect(refusal(() => graph.assertAcceptable(concept(randomUUID(), { broader: [randomUUID()] })))?.code).toBe(TaxonomyErrorCode.UnknownBroader);
  });

  it('keep each preferred label to one concept per language, whatever the case', () => {
    const error = refusal(() => graph.assertAcceptable(concept(randomUUID(), { prefLabel: { en: 'Something', fr: 'droit du TRAVAIL' } })));
    expect(error?.code).toBe(TaxonomyErrorCode.PrefLabelTaken);
    expect(error?.extensions).toMatchObject({ conceptId: law, errors: [{ field: 'prefLabel.fr' }] });
    // The same words in another language, or a concept keeping its own label, are fine.
    expect(() => graph.assertAcceptable(concept(randomUUID(), { prefLabel: { 'en-GB': 'Labour law' } }))).not.toThrow();
    expect(() => graph.assertAcceptable(concept(law, { prefLabel: { en: 'Labour law', fr: 'Droit du travail' } }))).not.toThrow();
  });

  it('refuse a preferred label repeated as an alternative label of the same language (SKOS S13)', () => {
    const sut = concept(randomUUID(), { prefLabel: { en: 'Employment' }, altLabel: { en: ['Jobs', 'employment'], fr: ['Employment'] } });
    expect(refusal(() => graph.assertAcceptable(sut))?.extensions).toMatchObject({ errors: [{ field: 'altLabel.en' }] });
    expect(() => graph.assertAcceptable({ ...sut, altLabel: { en: ['Jobs'], fr: ['Employment'] } })).not.toThrow();
  });
});
