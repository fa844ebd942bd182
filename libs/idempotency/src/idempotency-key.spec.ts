import { InvalidRequestException } from '#ikm/http';
import { parseIdempotencyKey } from './idempotency-key.js';

function reasonFor(header: string | string[]): string {
  try {
    parseIdempotencyKey(header);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestException);
    const [fieldError] = (error as InvalidRequestException).fieldErrors;
    expect(fieldError.field).toBe('Idempotency-Key');
    return fieldError.reason;
  }
  throw new Error(`${JSON.stringify(header)} was accepted`);
}

describe('parseIdempotencyKey', () => {
  it.each([
    ['a Structured Field string, as the draft asks', '"8e03978e-40d5-43e8-bc93-6894a57f9324"', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['a bare key, as many clients send it', '8e03978e-40d5-43e8-bc93-6894a57f9324', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['a string with an escaped quote and spaces', '"order 42 \\"retry\\""', 'order 42 "retry"'],
    ['surrounding whitespace', '  "abc"  ', 'abc'],
    ['a bare number, taken as its characters', '42', '42'],
    ['255 characters', `"${'k'.repeat(255)}"`, 'k'.repeat(255)],
  ])('accepts %s', (_case, header, key) => {
    expect(parseIdempotencyKey(header)).toBe(key);
  });

  it.each([
    ['an empty string', '""', /visible/],
    ['only spaces', '"   "', /visible/],
    ['an empty header', '', /visible ASCII/],
    ['256 characters', `"${'k'.repeat(256)}"`, /at most 255/],
    ['256 characters bare', 'k'.repeat(256), /at most 255/],
    ['two keys in one header', '"one", "two"', /one Structured Field string/],
    ['a string followed by something else', '"a" ;x=1', /one Structured Field string/],
    ['an unterminated string', '"abc', /one Structured Field string/],
    ['a bare key with a space', 'two words', /visible ASCII/],
    ['a bare key with a comma', 'a,b', /visible ASCII/],
    ['non-ASCII', '"clé"', /Structured Field string/],
    ['a control character', '"a\tb"', /Structured Field string/],
  ])('refuses %s with a 400 naming the header', (_case, header, reason) => {
    expect(reasonFor(header)).toMatch(reason);
  });

  it('refuses the header sent twice', () => {
    expect(reasonFor(['"a"', '"b"'])).toMatch(/once/);
  });
});
