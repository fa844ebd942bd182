import { Matches, type ValidationOptions } from 'class-validator';

/**
 * PostgreSQL cannot store NUL in text or jsonb; without this check such input would fail at the
 * database as a 500 instead of a 400 naming the field.
 */
export function NoNulCharacters(options: ValidationOptions = {}): PropertyDecorator {
  return Matches(/^[^\u0000]*$/, { message: '$property must not contain NUL characters', ...options });
}

/** class-transformer `@Transform` that trims strings and leaves anything else for the validators to refuse. */
export const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
