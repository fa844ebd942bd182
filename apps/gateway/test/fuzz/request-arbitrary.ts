import type { OpenAPIObject, ParameterObject, SchemaObject } from '@nestjs/swagger';
import fc from 'fast-check';
import { sample } from 'openapi-sampler';
import type { Fixtures } from './fixtures.js';
import { craftedCursor, headerText, hostileJson, hostileString, MALFORMED_JSON, oversized, toJsonText } from './hostile-values.js';
import { fillPath, placeholdersOf, type FuzzOperation } from './operations.js';

export interface FuzzRequest {
  operation: string;
  method: string;
  /** Path and query string, already encoded, sent as they are. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  anonymous: boolean;
}

type JsonPath = Array<string | number>;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Segments sent raw: percent-escapes that decode to NUL, to a slash, or to nothing valid, and dot segments. */
const RAW_SEGMENTS = ['%00', '%', '%zz', '..', '.', '%2e%2e', '%2F', '%20', '%C0%AE'];

function encode(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\ufffd'));
}

/** Every path into a JSON value (object keys and array indexes), the root excluded. */
function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

function withValueAt(base: unknown, path: JsonPath, value: unknown, remove = false): unknown {
  const copy = structuredClone(base);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent?.[key] as Record<string | number, unknown>;
  // An earlier change may have replaced a parent by a scalar: nothing to change under it then.
  if (parent === null || typeof parent !== 'object') return copy;
  if (remove) delete parent[path.at(-1)!];
  else parent[path.at(-1)!] = value;
  return copy;
}

function segment(knownIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: hostileString.map(encode) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 1, arbitrary: fc.oneof(fc.integer({ min: 101, max: 2_000 }).map((length) => 'x'.repeat(length)), oversized) },
    ...(knownIds.length ? [{ weight: 2, arbitrary: fc.constantFrom(...knownIds) }] : []),
  );
}

/** The path with the ids of resources made (or unknown ones), or with hostile segments mixed in. */
function pathArbitrary(operation: FuzzOperation, fixtures: Fixtures, hostile: boolean): fc.Arbitrary<string> {
  const placeholders = placeholdersOf(operation.template);
  if (!placeholders.length) return fc.constant(operation.template);
  const made = fixtures.combinations(operation.template);
  const valid = made.length ? fc.constantFrom(...made) : fc.record(Object.fromEntries(placeholders.map((name) => [name, fc.uuid()])));
  const segments = hostile ? fc.record(Object.fromEntries(placeholders.map((name) => [name, segment(fixtures.ids())]))) : valid;
  return segments.map((values) => fillPath(operation.template, values));
}

/** A value the parameter's schema allows (the fuzzer then also sends ones it does not). */
function validQueryValue(schema: SchemaObject, knownIds: string[]): fc.Arbitrary<string> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum.map(String));
  if (schema.type === 'integer') return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000 }).map(String);
  if (schema.type === 'number') return fc.double({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000, noNaN: true }).map(String);
  if (schema.format === 'uuid') return knownIds.length ? fc.oneof(fc.uuid(), fc.constantFrom(...knownIds)) : fc.uuid();
  return fc.string({ minLength: 1, maxLength: 20 });
}

/**
 * Documented query parameters, each left out or given a valid value; when hostile, one of them (or an
 * unknown one) is wrong, repeated or oversized, so that it is not hidden behind another one's 400.
 */
function queryArbitrary(parameters: ParameterObject[], knownIds: string[], hostile: boolean): fc.Arbitrary<string> {
  const valid = parameters.map((parameter) => validQueryValue((parameter.schema ?? {}) as SchemaObject, knownIds));
  const wrong = (index: number) =>
    fc.oneof(
      { weight: 4, arbitrary: hostileString.map((value) => [value]) },
      { weight: 2, arbitrary: craftedCursor.map((value) => [value]) },
      { weight: 1, arbitrary: oversized.map((value) => [value]) },
      { weight: 1, arbitrary: fc.array(fc.oneof(valid[index], hostileString), { minLength: 2, maxLength: 3 }) },
    );
  const target = hostile ? fc.nat(parameters.length) : fc.constant(-1);
  return target.chain((wrongIndex) => {
    const declared = parameters.map((parameter, index) =>
      (index === wrongIndex ? wrong(index) : fc.option(valid[index].map((value) => [value]), { freq: 2 })).map((values) =>
        (values ?? []).map((value) => `${encode(parameter.name)}=${encode(value)}`),
      ),
    );
    const unknown =
      wrongIndex === parameters.length
        ? fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), hostileString).map(([name, value]) => [`${encode(name)}=${encode(value)}`])
        : fc.constant([]);
    return fc.tuple(...declared, unknown).map((pairs) => {
      const query = pairs.flat().join('&');
      return query ? `?${query}` : '';
    });
  });
}

interface Body {
  text: string;
  contentType?: string;
}

function json(value: unknown): Body {
  return { text: toJsonText(value), contentType: 'application/json' };
}

/** A body from the operation's schema, then broken: fields set to hostile values, removed, added, or the whole replaced. */
function bodyArbitrary(operation: FuzzOperation, document: OpenAPIObject, knownIds: string[], broken: boolean): fc.Arbitrary<Body | undefined> {
  const base = operation.bodySchema ? sample(operation.bodySchema as never, { skipReadOnly: true, quiet: true }, document) : undefined;
  if (!broken) return fc.constant(operation.bodySchema ? json(base) : undefined);
  const hostile = hostileJson(knownIds);
  const notJson = fc.oneof(
    fc.constantFrom(...MALFORMED_JSON).map((text) => ({ text, contentType: 'application/json' })),
    fc.constantFrom<Body>(
      { text: 'title=a&title=b&problem=c', contentType: 'application/x-www-form-urlencoded' },
      { text: '{"title":"plain"}', contentType: 'text/plain' },
      { text: '{"title":"none"}' },
      { text: '{"title":"latin"}', contentType: 'application/json; charset=latin1' },
    ),
  );
  if (!operation.bodySchema) {
    if (operation.method === 'GET') return fc.constant(undefined);
    return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostile.map(json) }, { weight: 1, arbitrary: notJson });
  }
  const paths = pathsOf(base);
  const mutations: Array<fc.WeightedArbitrary<unknown>> = [
    { weight: 1, arbitrary: fc.constant(base) },
    { weight: 2, arbitrary: hostile },
  ];
  const isObject = base !== null && typeof base === 'object' && !Array.isArray(base);
  if (paths.length) {
    const changes = fc.array(fc.tuple(fc.constantFrom(...paths), hostile), { minLength: 1, maxLength: 3 });
    mutations.push(
      { weight: 3, arbitrary: changes.map((list) => list.reduce((body, [path, value]) => withValueAt(body, path, value), base)) },
      { weight: 1, arbitrary: fc.constantFrom(...paths).map((path) => withValueAt(base, path, undefined, true)) },
    );
  }
  if (paths.length && isObject) {
    // One field wrong and nothing else that could be refused first: the required fields (none, for an
    // edit) and the one field, whose value (or a value inside it) is replaced. A sampled optional field,
    // such as an id of nothing, would otherwise be refused before the wrong one reached the database.
    const required = sample(operation.bodySchema as never, { skipNonRequired: true, skipReadOnly: true, quiet: true }, document) as object;
    const single = fc.tuple(fc.constantFrom(...paths), hostile).map(([path, value]) =>
      withValueAt({ ...required, [path[0]]: (base as Record<string, unknown>)[path[0]] }, path, value),
    );
    mutations.push({ weight: 6, arbitrary: single });
  }
  if (isObject) {
    mutations.push({ weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), hostile).map(([name, value]) => ({ ...base, [name]: value })) });
  }
  return fc.oneof({ weight: 9, arbitrary: fc.oneof(...mutations).map(json) }, { weight: 1, arbitrary: notJson });
}

type Part = 'path' | 'query' | 'headers' | 'body';

function headersArbitrary(operation: FuzzOperation, hostile: boolean): fc.Arbitrary<Array<readonly [string, string] | null>> {
  if (!hostile) return fc.constant([]);
  const value = fc.oneof({ weight: 6, arbitrary: headerText }, { weight: 1, arbitrary: oversized });
  const documented = operation.headerParameters.map((parameter) => fc.option(value.map((text) => [parameter.name, text] as const), { freq: 2 }));
  const idempotencyKey = operation.method === 'GET' ? fc.constant(null) : fc.option(fc.oneof(fc.uuid(), value).map((text) => ['Idempotency-Key', text] as const), { freq: 2 });
  return fc.tuple(idempotencyKey, ...documented);
}

/**
 * Requests to one operation, each malformed in one part (path segments; query parameters wrong,
 * repeated or unknown; documented headers and an Idempotency-Key; the body) with the others valid, so
 * that the malformed part reaches the code behind the others' checks, or in every part at once; mostly
 * with a token of a role that may call the operation, sometimes without any.
 */
export function requestArbitrary(operation: FuzzOperation, document: OpenAPIObject, fixtures: Fixtures): fc.Arbitrary<FuzzRequest> {
  const knownIds = fixtures.ids();
  const parts: Array<fc.WeightedArbitrary<Part[]>> = [
    { weight: 1, arbitrary: fc.constant<Part[]>(['path', 'query', 'headers', 'body']) },
    { weight: 1, arbitrary: fc.constant<Part[]>(['headers']) },
  ];
  if (placeholdersOf(operation.template).length) parts.push({ weight: 2, arbitrary: fc.constant<Part[]>(['path']) });
  if (operation.queryParameters.length) parts.push({ weight: 3, arbitrary: fc.constant<Part[]>(['query']) });
  if (operation.method !== 'GET') parts.push({ weight: operation.bodySchema ? 6 : 1, arbitrary: fc.constant<Part[]>(['body']) });
  return fc.oneof(...parts).chain((broken) =>
    fc
      .record({
        path: pathArbitrary(operation, fixtures, broken.includes('path')),
        query: queryArbitrary(operation.queryParameters, knownIds, broken.includes('query')),
        headers: headersArbitrary(operation, broken.includes('headers')),
        body: bodyArbitrary(operation, document, knownIds, broken.includes('body')),
        anonymous: fc.constantFrom(false, false, false, false, false, true),
      })
      .map(({ path, query, headers, body, anonymous }) => ({
        operation: operation.name,
        method: operation.method,
        path: `${path}${query}`,
        headers: {
          ...Object.fromEntries(headers.flatMap((header) => (header ? [header] : []))),
          ...(body?.contentType ? { 'content-type': body.contentType } : {}),
        },
        body: body?.text,
        anonymous,
      })),
  );
}
