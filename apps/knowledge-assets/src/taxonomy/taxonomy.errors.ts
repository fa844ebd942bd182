import { domainErrorClass } from '#ikm/domain';

export enum TaxonomyErrorCode {
  NotFound = 'CONCEPT_NOT_FOUND',
  VersionMismatch = 'CONCEPT_VERSION_MISMATCH',
  SelfBroader = 'CONCEPT_BROADER_THAN_ITSELF',
  UnknownBroader = 'CONCEPT_UNKNOWN_BROADER',
  Cycle = 'CONCEPT_HIERARCHY_CYCLE',
  PrefLabelTaken = 'CONCEPT_PREF_LABEL_TAKEN',
  LabelsNotDisjoint = 'CONCEPT_LABELS_NOT_DISJOINT',
}

export class TaxonomyError extends domainErrorClass<TaxonomyErrorCode>({
  [TaxonomyErrorCode.NotFound]: 404,
  [TaxonomyErrorCode.VersionMismatch]: 412,
  [TaxonomyErrorCode.SelfBroader]: 400,
  [TaxonomyErrorCode.UnknownBroader]: 400,
  // Whether a change closes a cycle depends on the hierarchy as others left it: a conflict, not a malformed request.
  [TaxonomyErrorCode.Cycle]: 409,
  [TaxonomyErrorCode.PrefLabelTaken]: 409,
  [TaxonomyErrorCode.LabelsNotDisjoint]: 400,
}) {
  static notFound(id: string): TaxonomyError {
    return new TaxonomyError(TaxonomyErrorCode.NotFound, `Concept ${id} does not exist.`);
  }

  static versionMismatch(id: string, expected: number, actual: number): TaxonomyError {
    return new TaxonomyError(
      TaxonomyErrorCode.VersionMismatch,
      `Concept ${id} is at version ${actual}, not ${expected}; reload it and apply your change again.`,
      { currentVersion: actual },
    );
  }

  static selfBroader(id: string): TaxonomyError {
    return new TaxonomyError(TaxonomyErrorCode.SelfBroader, `Concept ${id} cannot be broader than itself.`, {
      errors: [{ field: 'broader', reason: 'must not contain the concept itself' }],
    });
  }

  static unknownBroader(ids: string[]): TaxonomyError {
    return new TaxonomyError(TaxonomyErrorCode.UnknownBroader, `No concept of the scheme has the id ${ids.join(', ')}.`, {
      errors: [{ field: 'broader', reason: `${ids.join(', ')} is not a concept of the scheme` }],
    });
  }

  /** `path` runs from the concept up through its new broader concepts back to itself. */
  static cycle(path: string[]): TaxonomyError {
    return new TaxonomyError(TaxonomyErrorCode.Cycle, `These broader links would make a cycle: ${path.join(' -> ')}.`, {
      cycle: path,
      errors: [{ field: 'broader', reason: 'would make the concept broader than itself through ' + path.slice(1, -1).join(', ') }],
    });
  }

  static prefLabelTaken(language: string, label: string, holder: string): TaxonomyError {
    return new TaxonomyError(TaxonomyErrorCode.PrefLabelTaken, `"${label}" is already the ${language} preferred label of concept ${holder}.`, {
      conceptId: holder,
      errors: [{ field: `prefLabel.${language}`, reason: `is the preferred label of concept ${holder}` }],
    });
  }

  static labelsNotDisjoint(language: string, label: string): TaxonomyError {
    return new TaxonomyError(TaxonomyErrorCode.LabelsNotDisjoint, `"${label}" cannot be both the preferred and an alternative ${language} label.`, {
      errors: [{ field: `altLabel.${language}`, reason: 'must not repeat the preferred label' }],
    });
  }
}
