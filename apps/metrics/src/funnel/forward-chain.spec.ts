import { CONVERSION_STEPS } from './forward-chain.js';

describe('CONVERSION_STEPS', () => {
  it('pairs each forward stage with the next, then submission with adoption', () => {
    expect(CONVERSION_STEPS.map(({ from, to }) => `${from}→${to}`)).toEqual([
      'submitted→in_review',
      'in_review→accepted',
      'accepted→in_experiment',
      'in_experiment→adopted',
      'adopted→scaled',
      'submitted→adopted',
    ]);
  });
});
