import { createValidationPipe, InvalidRequestException } from './validation.js';
import { dateProblem, dateTimeProblem, IsoDate, IsoDateTime } from './date.validators.js';
import type { FieldError } from './problem-details.js';

class Window {
  @IsoDateTime() opensAt: Date;
  @IsoDate() day: string;
}

/** Runs a body through the pipe every service uses; returns the DTO or the refused fields. */
async function validated(body: object): Promise<Window | FieldError[]> {
  try {
    return (await createValidationPipe().transform(body, { type: 'body', metatype: Window })) as Window;
  } catch (error) {
    if (error instanceof InvalidRequestException) return error.fieldErrors;
    throw error;
  }
}

describe('dateTimeProblem', () => {
  it.each(['2027-01-31T09:00:00Z', '2027-01-31T09:00:00.123+02:00', '2028-02-29T00:00:00Z', '1900-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z'])(
    'accepts %s',
    (value) => {
      expect(dateTimeProblem(value)).toBeNull();
    },
  );

  it.each([
    ['an impossible day', '2027-02-30T00:00:00Z'],
    ['29 February of a common year', '2027-02-29T00:00:00Z'],
    ['a bare number', '1'],
    ['a year', '2027'],
    ['a date without a time', '2027-01-31'],
    ['a time without a zone', '2027-01-31T09:00:00'],
    ['a space for the T', '2027-01-31 09:00:00Z'],
    ['the earliest instant JavaScript has', '-271821-04-20T00:00:00Z'],
    ['an expanded year', '+010000-01-01T00:00:00Z'],
    ['a number', 1_800_000_000_000],
    ['null', null],
  ])('refuses %s as not a date-time', (_, value) => {
    expect(dateTimeProblem(value)).toMatch(/^must be an ISO 8601 date-time/);
  });

  it.each(['0000-01-01T00:00:00Z', '1899-12-31T23:59:59.999Z', '9999-12-31T23:59:59-01:00'])('refuses %s as out of range', (value) => {
    expect(dateTimeProblem(value)).toBe('must be between 1900-01-01 and 9999-12-31');
  });
});

describe('dateProblem', () => {
  it.each(['2027-01-31', '2028-02-29', '1900-01-01', '9999-12-31'])('accepts %s', (value) => {
    expect(dateProblem(value)).toBeNull();
  });

  it.each(['2027-02-30', '2027-02-29', '2027-1-31', '2009-W01-1', '2009-123', '+002009-05', '2027-01-31T00:00:00Z', '1', 20270131])('refuses %j', (value) => {
    expect(dateProblem(value)).toMatch(/^must be an ISO 8601 date/);
  });

  it.each(['0000-01-01', '1899-12-31'])('refuses %s as out of range', (value) => {
    expect(dateProblem(value)).toBe('must be between 1900-01-01 and 9999-12-31');
  });
});

describe('@IsoDateTime and @IsoDate', () => {
  it('turn a valid date-time into the instant it names, and keep a valid date as written', async () => {
    const sut = await validated({ opensAt: '2027-01-31T09:00:00+02:00', day: '2027-01-31' });
    expect(sut).toBeInstanceOf(Window);
    expect((sut as Window).opensAt).toEqual(new Date('2027-01-31T07:00:00Z'));
    expect((sut as Window).day).toBe('2027-01-31');
  });

  it('refuse impossible, partial and out-of-range values with a 400 naming each field and why', async () => {
    expect(await validated({ opensAt: '2027-02-30T00:00:00Z', day: '1' })).toEqual([
      { field: 'opensAt', reason: 'opensAt must be an ISO 8601 date-time with a time zone, e.g. 2027-01-31T09:00:00Z' },
      { field: 'day', reason: 'day must be an ISO 8601 date, YYYY-MM-DD, e.g. 2027-01-31' },
    ]);
    expect(await validated({ opensAt: '-271821-04-20T00:00:00Z', day: '0000-01-01' })).toEqual([
      { field: 'opensAt', reason: 'opensAt must be an ISO 8601 date-time with a time zone, e.g. 2027-01-31T09:00:00Z' },
      { field: 'day', reason: 'day must be between 1900-01-01 and 9999-12-31' },
    ]);
    expect(await validated({ opensAt: '1800-01-01T00:00:00Z', day: '2027-01-31' })).toEqual([{ field: 'opensAt', reason: 'opensAt must be between 1900-01-01 and 9999-12-31' }]);
  });
});
