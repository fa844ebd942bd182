import { ReviewError } from './review.errors.js';
import { weightedScore } from './weighted-score.js';

const criteria = [
  { key: 'impact', name: 'Impact', weight: 3 },
  { key: 'cost', name: 'Cost', weight: 1 },
];

describe('weightedScore', () => {
  it('weighs each criterion', () => {
    const sut = weightedScore(criteria, [
      { criterion: 'cost', score: 1 },
      { criterion: 'impact', score: 5 },
    ]);
    expect(sut.weighted).toBe(4); // (5·3 + 1·1) / 4
    expect(sut.scored.map((score) => [score.criterion, score.weight])).toEqual([['impact', 3], ['cost', 1]]);
  });

  it('rounds to two decimals', () => {
    expect(weightedScore([...criteria, { key: 'fit', name: 'Fit', weight: 2 }], [
      { criterion: 'impact', score: 4 },
      { criterion: 'cost', score: 2 },
      { criterion: 'fit', score: 3 },
    ]).weighted).toBe(3.33);
  });

  it.each([
    [[{ criterion: 'impact', score: 5 }], /missing criteria: cost/],
    [[{ criterion: 'impact', score: 5 }, { criterion: 'cost', score: 2 }, { criterion: 'style', score: 3 }], /unknown criteria: style/],
    [[{ criterion: 'impact', score: 5 }, { criterion: 'impact', score: 4 }, { criterion: 'cost', score: 2 }], /scored twice/],
  ])('refuses a scorecard that does not score each criterion once (%#)', (scores, reason) => {
    try {
      weightedScore(criteria, scores);
      throw new Error('expected a ReviewError');
    } catch (error) {
      expect(error).toBeInstanceOf(ReviewError);
      expect(JSON.stringify((error as ReviewError).toProblem())).toMatch(reason);
    }
  });
});
