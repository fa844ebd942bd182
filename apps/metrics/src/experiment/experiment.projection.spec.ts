import { hasLessons } from './experiment.projection.js';

describe('hasLessons', () => {
  it.each([
    ['Users preferred e-mail over the portal', true],
    ['', false],
    ['  \n\t', false],
    [null, false],
  ])('%j → %s', (lessons, expected) => {
    expect(hasLessons(lessons)).toBe(expected);
  });
});
