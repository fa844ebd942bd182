import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Texts keyed by BCP 47 language tag in canonical case: one per language. */
export type LanguageTexts = Record<string, string>;
/** Several texts per language (alternative labels). */
export type LanguageTextLists = Record<string, string[]>;

export interface ConceptContent {
  prefLabel: LanguageTexts;
  altLabel: LanguageTextLists;
  definition: LanguageTexts;
  /** Ids of the concepts this one is narrower than, in the same scheme; none makes it a top concept. */
  broader: string[];
}

/** A SKOS concept scheme: the vocabulary concepts belong to. Its row is also the lock every taxonomy change takes. */
@Entity('concept_schemes')
export class ConceptScheme {
  @PrimaryColumn('uuid') id: string;
  @Column('jsonb') title: LanguageTexts;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

/**
 * A SKOS concept. Its broader links live in `concept_broader` (the repository reads and writes them);
 * narrower is their inverse and never stored twice.
 */
@Entity('concepts')
export class Concept {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'scheme_id' }) schemeId: string;
  @Column('jsonb', { name: 'pref_label' }) prefLabel: LanguageTexts;
  @Column('jsonb', { name: 'alt_label' }) altLabel: LanguageTextLists;
  @Column('jsonb') definition: LanguageTexts;
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  broader: string[] = [];

  static create(schemeId: string, content: ConceptContent, now: Date): Concept {
    const concept = new Concept();
    Object.assign(concept, { id: randomUUID(), schemeId, ...content, broader: [...new Set(content.broader)], version: 1, createdAt: now, updatedAt: now });
    return concept;
  }

  /** Applies what differs (broader compared as a set); returns it, and counts a version only when something did. */
  edit(changes: Partial<ConceptContent>, now: Date): Partial<ConceptContent> {
    const applied: Partial<ConceptContent> = {};
    const normalised = changes.broader === undefined ? changes : { ...changes, broader: [...new Set(changes.broader)] };
    for (const [key, value] of Object.entries(normalised) as Array<[keyof ConceptContent, unknown]>) {
      if (value === undefined || sameValue(key, value, this[key])) continue;
      Object.assign(applied, { [key]: value });
    }
    if (Object.keys(applied).length === 0) return applied;
    Object.assign(this, applied);
    this.version += 1;
    this.updatedAt = now;
    return applied;
  }
}

function sameValue(key: keyof ConceptContent, next: unknown, current: unknown): boolean {
  if (key === 'broader') return JSON.stringify([...(next as string[])].sort()) === JSON.stringify([...(current as string[])].sort());
  return JSON.stringify(sortedKeys(next)) === JSON.stringify(sortedKeys(current));
}

/** Language maps compare equal whatever the order of their languages. */
function sortedKeys(value: unknown): unknown {
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
}

export const TAXONOMY_ENTITIES = [ConceptScheme, Concept];
