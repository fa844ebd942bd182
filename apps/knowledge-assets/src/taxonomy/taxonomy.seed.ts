import type { LanguageTextLists, LanguageTexts } from './concept.entity.js';

/**
 * The taxonomy as first published, inserted by migration CreateTaxonomy1764300000001: the themes the
 * knowledge strategy (paragraph 14) names, as top concepts of one scheme. The ids are fixed, so every
 * deployment and every replica (communities, capacity-building) names the same concept the same way.
 * Frozen with that migration: later changes go through the API or a new migration, never here.
 *
 * Labels follow the organisation's own terminology in English, French and Spanish; the Russian ones
 * are the source text's words. Where the source is broader than the usual name (законодательство,
 * "legislation"; обеспечение занятости, "ensuring employment"), the wider word is an alternative label.
 */
export const TAXONOMY_SCHEME_ID = '38edbdfc-98d7-473c-bcbb-69f643489310';

export const SEED_SCHEME_TITLE: LanguageTexts = {
  en: 'Knowledge themes',
  fr: 'Thèmes de connaissance',
  es: 'Temas de conocimiento',
  ru: 'Тематические области знаний',
};

export interface SeedConcept {
  id: string;
  prefLabel: LanguageTexts;
  altLabel: LanguageTextLists;
}

export const SEED_CONCEPTS: readonly SeedConcept[] = [
  {
    id: '5d8bc60f-f8c6-40e7-b8ea-f4f843490124',
    prefLabel: { en: 'International labour standards', fr: 'Normes internationales du travail', es: 'Normas internacionales del trabajo', ru: 'Международные трудовые нормы' },
    altLabel: { en: ['ILS'], fr: ['NIT'], es: ['NIT'] },
  },
  {
    id: '85ba5e01-4171-45f1-a7c9-9dfdb6f67e0f',
    prefLabel: { en: 'Labour law', fr: 'Droit du travail', es: 'Legislación laboral', ru: 'Трудовое законодательство' },
    altLabel: { en: ['Labour legislation', 'Legislation'], fr: ['Législation du travail', 'Législation'], es: ['Derecho del trabajo', 'Legislación'], ru: ['Законодательство'] },
  },
  {
    id: '931e06fe-d067-434b-9ecf-b60b7716d38d',
    prefLabel: { en: 'Labour statistics', fr: 'Statistiques du travail', es: 'Estadísticas del trabajo', ru: 'Статистика труда' },
    altLabel: { en: ['Statistics'], fr: ['Statistiques'], es: ['Estadísticas'], ru: ['Статистика'] },
  },
  {
    id: '98b11248-82d2-4b31-8eb1-267036fa4a87',
    prefLabel: { en: 'Employment promotion', fr: "Promotion de l'emploi", es: 'Promoción del empleo', ru: 'Обеспечение занятости' },
    altLabel: { en: ['Employment'], fr: ['Emploi'], es: ['Empleo', 'Fomento del empleo'], ru: ['Занятость'] },
  },
  {
    id: '94ebcdd5-155e-4336-bc32-486f8d3fbfeb',
    prefLabel: { en: 'Working conditions', fr: 'Conditions de travail', es: 'Condiciones de trabajo', ru: 'Условия труда' },
    altLabel: {},
  },
  {
    id: '1d087d80-4c6f-4f09-9bc7-e6b39d8ab655',
    prefLabel: { en: 'Labour inspection', fr: 'Inspection du travail', es: 'Inspección del trabajo', ru: 'Инспекция труда' },
    altLabel: {},
  },
  {
    id: 'f5b12bb4-d199-4253-8112-1fc82ac35ea0',
    prefLabel: { en: 'Industrial relations', fr: 'Relations professionnelles', es: 'Relaciones laborales', ru: 'Производственные отношения' },
    altLabel: { en: ['Labour relations'], fr: ['Relations de travail'], es: ['Relaciones de trabajo'], ru: ['Трудовые отношения'] },
  },
  {
    id: '509c0564-f019-41ea-9825-3cc45da41fe4',
    prefLabel: { en: 'Social protection', fr: 'Protection sociale', es: 'Protección social', ru: 'Социальная защита' },
    altLabel: { en: ['Social security'], fr: ['Sécurité sociale'], es: ['Seguridad social'], ru: ['Социальное обеспечение'] },
  },
  {
    id: 'e1371fef-c137-418e-8f96-6e666ec41395',
    prefLabel: { en: 'Forced labour', fr: 'Travail forcé', es: 'Trabajo forzoso', ru: 'Принудительный труд' },
    altLabel: {},
  },
];
