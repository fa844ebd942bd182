import { etagOf, ifNoneMatchHolds, versionFromIfMatch } from './etag.js';
import { InvalidRequestException } from './validation.js';

describe('etagOf', () => {
  it('is the version as a strong entity tag', () => {
    expect(etagOf(3)).toBe('"3"');
  });
});

describe('versionFromIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    [undefined, undefined],
  ])('reads %j as %j', (header, version) => {
    expect(versionFromIfMatch(header)).toBe(version);
  });

  it('refuses anything else', () => {
    expect(() => versionFromIfMatch('"abc"')).toThrow(InvalidRequestException);
  });
});

describe('ifNoneMatchHolds', () => {
  it.each([
    ['"3"', true],
    ['W/"3"', true],
    ['"1", "3"', true],
    ['*', true],
    ['"4"', false],
    ['"30"', false],
    ['garbage', false],
    [undefined, false],
  ])('%j against "3": %j', (header, holds) => {
    expect(ifNoneMatchHolds(header, '"3"')).toBe(holds);
  });
});
