import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { z } from 'zod';

/**
 * The instants and days a request may carry. PostgreSQL stores far wider ranges, but outside four-digit
 * years `Date#toISOString` writes `+010000-...`, which no ISO 8601 reader downstream (event contracts,
 * clients) accepts, and no date in this domain is earlier than 1900.
 */
const EARLIEST_DATE = '1900-01-01';
const LATEST_DATE = '9999-12-31';
const EARLIEST_INSTANT = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
const LATEST_INSTANT = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);

// zod's ISO forms are RFC 3339: the whole date and time, every day checked against its month (no
// 30 February), a time zone required; `Date.parse` would accept "1" as 2001 and roll 30 February over.
const DATE_TIME = z.iso.datetime({ offset: true });
const DATE = z.iso.date();

/** Why a value is not an ISO 8601 date-time this API accepts, or null when it is one. */
export function dateTimeProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !DATE_TIME.safeParse(value).success) {
    return 'must be an ISO 8601 date-time with a time zone, e.g. 2027-01-31T09:00:00Z';
  }
  const instant = Date.parse(value);
  if (instant < EARLIEST_INSTANT || instant > LATEST_INSTANT) return `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`;
  return null;
}

/** Why a value is not an ISO 8601 calendar date (YYYY-MM-DD) this API accepts, or null when it is one. */
export function dateProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !DATE.safeParse(value).success) return 'must be an ISO 8601 date, YYYY-MM-DD, e.g. 2027-01-31';
  if (value < EARLIEST_DATE || value > LATEST_DATE) return `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`;
  return null;
}

/**
 * A date-time field: the request's ISO 8601 string becomes a `Date` when it is a real instant in range;
 * anything else is refused with a 400 naming the field and saying why.
 */
export function IsoDateTime(options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(
    // The transform runs before validation: it converts only what is valid, so the validator still
    // sees the original value of anything it must refuse, and can say why.
    Transform(({ value }: { value: unknown }) => (dateTimeProblem(value) === null ? new Date(value as string) : value)),
    ValidateBy(
      {
        name: 'isoDateTime',
        validator: {
          validate: (value: unknown) => value instanceof Date,
          defaultMessage: (args) => `${args?.property} ${dateTimeProblem(args?.value) ?? 'must be an ISO 8601 date-time'}`,
        },
      },
      options,
    ),
  );
}

/** A calendar-date field, kept as its `YYYY-MM-DD` string (as PostgreSQL's `date` reads and writes it). */
export function IsoDate(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isoDate',
      validator: {
        validate: (value: unknown) => dateProblem(value) === null,
        defaultMessage: (args) => `${args?.property} ${dateProblem(args?.value)}`,
      },
    },
    options,
  );
}
