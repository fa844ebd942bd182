import { applyDecorators, type Type as Class } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateIf, ValidateNested, type ValidationOptions } from 'class-validator';

/**
 * A field that may be left out but, when present, is validated, null included. class-validator's
 * `@IsOptional` also skips null, which then reaches a NOT NULL column (a 500) or clears a field that has
 * no empty value; use `@IsOptional` only where null is a value the field can have.
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/**
 * A nested object of the given class: anything else (an array, a string, null) is refused with a 400
 * naming the field. `@ValidateNested` alone validates an array's elements instead, so `[]` passed.
 */
export function NestedObject(type: () => Class<unknown>, options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(IsObject(options), ValidateNested(options), Type(type));
}

/** An array of objects of the given class: each element must be such an object (not an array, not a scalar). */
export function NestedObjectArray(type: () => Class<unknown>): PropertyDecorator {
  return applyDecorators(IsArray(), IsObject({ each: true, message: 'each of $property must be an object' }), ValidateNested({ each: true }), Type(type));
}

/**
 * The body of a PATCH: every field of `create` may be left out, but a field sent as null is validated
 * like any other value, so `{"title": null}` is a 400 naming title. Fields that accept null in `create`
 * (declared with `@IsOptional`, meaning "clear it") still accept it.
 */
export function PatchType<T>(create: Class<T>): Class<Partial<T>> {
  return PartialType(create, { skipNullProperties: false });
}
