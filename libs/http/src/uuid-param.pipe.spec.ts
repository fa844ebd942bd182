import { positiveIntegerParam } from './uuid-param.pipe.js';
import { InvalidRequestException } from './validation.js';

describe('positiveIntegerParam', () => {
  const sut = positiveIntegerParam('number');

  it.each([
    ['1', 1],
    ['2147483647', 2147483647],
    [7, 7], // already converted by the global ValidationPipe
  ])('takes %p as %p', (value, expected) => {
    expect(sut.transform(value, { type: 'param' })).toBe(expected);
  });

  it.each(['0', '-1', '1.5', 'abc', '', '2147483648', '99999999999', 0, -1, 1.5, NaN, 2147483648, Infinity])('refuses %p with a 400 naming the parameter', (value) => {
    try {
      sut.transform(value, { type: 'param' });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRequestException);
      expect((error as InvalidRequestException).fieldErrors).toEqual([{ field: 'number', reason: 'must be an integer from 1 to 2147483647' }]);
    }
  });
});
