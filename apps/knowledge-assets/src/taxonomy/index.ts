// What the knowledge-assets service wires: the module, its entities and its migration.
export { TaxonomyModule } from './taxonomy.module.js';
export { TAXONOMY_ENTITIES } from './concept.entity.js';
export { TAXONOMY_SCHEME_ID } from './taxonomy.seed.js';
export { CreateTaxonomy1764300000000 } from '../migrations/1764300000000-create-taxonomy.js';
