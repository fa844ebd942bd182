import type { ConceptContent, LanguageTexts } from './concept.entity.js';
import { TaxonomyError } from './taxonomy.errors.js';

/** What the rules need to know of each concept of a scheme. */
export interface ConceptNode {
  id: string;
  prefLabel: LanguageTexts;
  broader: readonly string[];
}

/** Labels compare as people read them: same letters whatever the case or Unicode composition. */
function labelKey(language: string, label: string): string {
  return `${language}\u0000${label.normalize('NFC').toLocaleLowerCase(language)}`;
}

/**
 * A scheme's concepts and broader links, loaded under the scheme's lock, against which a new or changed
 * concept is checked before it is written:
 * - never broader than itself, directly or through others (no cycles), and broader only than concepts
 *   of the scheme;
 * - preferred labels unambiguous: no two concepts of the scheme share one in a language (the SKOS
 *   guide's recommendation; one per concept and language, SKOS S14, the map shape already ensures);
 * - a preferred label is not also an alternative label of the concept in that language (SKOS S13).
 */
export class TaxonomyGraph {
  private readonly nodes = new Map<string, ConceptNode>();
  private readonly prefLabelHolders = new Map<string, string>();

  constructor(nodes: Iterable<ConceptNode>) {
    for (const node of nodes) {
      this.nodes.set(node.id, node);
      for (const [language, label] of Object.entries(node.prefLabel)) this.prefLabelHolders.set(labelKey(language, label), node.id);
    }
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** Throws the TaxonomyError of the first rule `concept` (new, or the next state of an existing one) breaks. */
  assertAcceptable(concept: { id: string } & ConceptContent): void {
    this.assertLabels(concept);
    this.assertBroader(concept.id, concept.broader);
  }

  private assertLabels({ id, prefLabel, altLabel }: { id: string } & ConceptContent): void {
    for (const [language, label] of Object.entries(prefLabel)) {
      const holder = this.prefLabelHolders.get(labelKey(language, label));
      if (holder !== undefined && holder !== id) throw TaxonomyError.prefLabelTaken(language, label, holder);
      const alternatives = altLabel[language] ?? [];
      if (alternatives.some((alternative) => labelKey(language, alternative) === labelKey(language, label))) {
        throw TaxonomyError.labelsNotDisjoint(language, label);
      }
    }
  }

  private assertBroader(id: string, broader: readonly string[]): void {
    if (broader.includes(id)) throw TaxonomyError.selfBroader(id);
    const unknown = broader.filter((candidate) => !this.nodes.has(candidate));
    if (unknown.length > 0) throw TaxonomyError.unknownBroader(unknown);
    for (const parent of broader) {
      const path = this.pathUp(parent, id, new Set());
      if (path) throw TaxonomyError.cycle([id, ...path]);
    }
  }

  /** The chain of broader links from `from` up to `target`, both included, or null when `target` is not above `from`. */
  private pathUp(from: string, target: string, visited: Set<string>): string[] | null {
    if (from === target) return [from];
    if (visited.has(from)) return null;
    visited.add(from);
    for (const parent of this.nodes.get(from)?.broader ?? []) {
      const rest = this.pathUp(parent, target, visited);
      if (rest) return [from, ...rest];
    }
    return null;
  }
}
