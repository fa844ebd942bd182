import { shareOf } from './share.js';

describe('shareOf', () => {
  it('is the part over the whole', () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(3, 3)).toBe(1);
    expect(shareOf(0, 2)).toBe(0);
  });

  it('is null when there is nothing to take a share of', () => {
    expect(shareOf(0, 0)).toBeNull();
  });
});
