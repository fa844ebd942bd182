import { ParseUUIDPipe, type INestApplication, type PipeTransform } from '@nestjs/common';
import { PARAMTYPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ApiParam, DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { integerRange, numericRange, type NumberBounds } from './number.validators.js';

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes: Array<PipeTransform | (new () => PipeTransform)>;
}

/** The part of @nestjs/swagger's property metadata read here; the rest is kept as it is. */
interface DocumentedProperty {
  type?: unknown;
}

type Class = abstract new (...args: never[]) => unknown;

/** What the document says of a property that a validator of this name checks (with the validator's constraints). */
const DOCUMENTED_BY_VALIDATOR: Record<string, (documented: DocumentedProperty, constraints: unknown[]) => Record<string, unknown>> = {
  isInt: (documented) => (documented.type === Number || documented.type === 'number' ? { type: 'integer' } : {}),
  isUuid: () => ({ format: 'uuid' }),
  fitsInteger: (_, [bounds]) => {
    const { min, max } = integerRange(bounds as NumberBounds);
    return { type: 'integer', minimum: min, maximum: max };
  },
  fitsNumeric: (_, [precision, scale, bounds]) => {
    const { min, max } = numericRange(precision as number, scale as number, bounds as NumberBounds);
    return { minimum: min, maximum: max };
  },
  isoDateTime: () => ({ type: 'string', format: 'date-time' }),
  isoDate: () => ({ type: 'string', format: 'date' }),
};

/** class-validator's type of a `@ValidateNested()` check (ValidationTypes.NESTED_VALIDATION). */
const NESTED = 'nestedValidation';

function isClass(candidate: unknown): candidate is Class {
  return typeof candidate === 'function' && candidate.prototype !== undefined && ![String, Number, Boolean, Date, Object, Array].includes(candidate as never);
}

/** Swagger's `type` of a property: a class, or a function returning one (`type: () => Dto`). */
function classOf(type: unknown): Class | undefined {
  if (isClass(type)) return type;
  if (typeof type === 'function' && type.prototype === undefined) {
    const resolved: unknown = (type as () => unknown)();
    return isClass(resolved) ? resolved : undefined;
  }
  return undefined;
}

/** Writes into a DTO's OpenAPI metadata what its validators check, then does the same for the DTOs nested in it. */
function describeValidatedClass(dto: Class, described: Set<Class>): void {
  if (described.has(dto)) return;
  described.add(dto);
  for (const validation of getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false)) {
    const key = validation.propertyName;
    const documented = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, key) as DocumentedProperty | undefined;
    if (!documented) continue;
    if (validation.type === NESTED) {
      const nested = classOf(documented.type);
      if (nested) describeValidatedClass(nested, described);
      continue;
    }
    const patch = validation.name ? DOCUMENTED_BY_VALIDATOR[validation.name]?.(documented, validation.constraints ?? []) : undefined;
    if (patch && Object.keys(patch).length) Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, { ...documented, ...patch }, dto.prototype, key);
  }
}

/**
 * Writes into the OpenAPI metadata what the validators enforce, before the document is built, so that
 * the document cannot drift from them and no DTO has to say it twice: a property checked by `@IsInt()`
 * is an `integer`, one checked by `@IsUUID()` a `uuid`, the column-sized numbers (`@FitsInteger`,
 * `@FitsNumeric`) carry their range, and the strict dates (`@IsoDateTime`, `@IsoDate`) their format (each item, for an array checked with `each`),
 * in bodies and queries, nested DTOs included; a path parameter read through `ParseUUIDPipe`
 * (`uuidParam`) is a `uuid`.
 */
export function documentValidatedTypes(app: INestApplication): void {
  const scanner = new MetadataScanner();
  const described = new Set<Class>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Class | null;
      if (!controller) continue;
      const prototype = controller.prototype as object;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const routeArguments = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, RouteArgument>;
        const parameterTypes = (Reflect.getMetadata(PARAMTYPES_METADATA, prototype, method) ?? []) as unknown[];
        for (const [key, argument] of Object.entries(routeArguments)) {
          const kind = Number(key.split(':')[0]);
          if (kind === RouteParamtypes.PARAM && typeof argument.data === 'string' && argument.pipes.some((pipe) => pipe instanceof ParseUUIDPipe)) {
            ApiParam({ name: argument.data, type: String, format: 'uuid' })(prototype, method, Object.getOwnPropertyDescriptor(prototype, method)!);
          } else if (kind === RouteParamtypes.BODY || kind === RouteParamtypes.QUERY) {
            const dto = parameterTypes[argument.index];
            if (isClass(dto)) describeValidatedClass(dto, described);
          }
        }
      }
    }
  }
}
