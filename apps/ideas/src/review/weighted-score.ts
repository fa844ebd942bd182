import type { Criterion } from '../challenge/challenge.entity.js';
import { ReviewError } from './review.errors.js';

export interface CriterionScore {
  criterion: string;
  score: number;
  notes?: string;
}

/** Checks that a scorecard scores every criterion exactly once, and returns its weighted mean (1-5). */
export function weightedScore(criteria: Criterion[], scores: CriterionScore[]): { weighted: number; scored: Array<CriterionScore & { weight: number }> } {
  const keys = criteria.map((criterion) => criterion.key);
  const given = scores.map((score) => score.criterion);
  const unknown = given.filter((key) => !keys.includes(key));
  if (unknown.length) throw ReviewError.scoresMismatch(keys, `unknown criteria: ${unknown.join(', ')}`);
  if (new Set(given).size !== given.length) throw ReviewError.scoresMismatch(keys, 'a criterion is scored twice');
  const missing = keys.filter((key) => !given.includes(key));
  if (missing.length) throw ReviewError.scoresMismatch(keys, `missing criteria: ${missing.join(', ')}`);
  const scored = criteria.map((criterion) => ({ ...scores.find((score) => score.criterion === criterion.key)!, weight: criterion.weight }));
  const totalWeight = scored.reduce((sum, score) => sum + score.weight, 0);
  const weighted = scored.reduce((sum, score) => sum + score.score * score.weight, 0) / totalWeight;
  return { weighted: Math.round(weighted * 100) / 100, scored };
}
