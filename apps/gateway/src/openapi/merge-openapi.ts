import { withProblemResponses } from '#ikm/http';
import type { OpenAPIObject } from '@nestjs/swagger';
import { API_PREFIX } from '../upstreams/upstreams.js';
import { GATEWAY_PROBLEMS } from './gateway-problems.js';

export interface ServiceDocument {
  service: string;
  document: OpenAPIObject;
}

const SCHEMA_REF = '#/components/schemas/';

/** Renames a service's schemas that clash with another service's, rewriting its references to them. */
function withUniqueSchemas(entry: ServiceDocument, taken: Map<string, string>): OpenAPIObject {
  let text = JSON.stringify(entry.document);
  const schemas = entry.document.components?.schemas ?? {};
  for (const [name, schema] of Object.entries(schemas)) {
    const existing = taken.get(name);
    if (existing === undefined || existing === JSON.stringify(schema)) continue;
    const renamed = `${entry.service[0].toUpperCase()}${entry.service.slice(1)}${name}`;
    text = text.replaceAll(`"${SCHEMA_REF}${name}"`, `"${SCHEMA_REF}${renamed}"`);
    const document = JSON.parse(text) as OpenAPIObject;
    const renamedSchemas = document.components!.schemas!;
    renamedSchemas[renamed] = renamedSchemas[name];
    delete renamedSchemas[name];
    text = JSON.stringify(document);
  }
  return JSON.parse(text) as OpenAPIObject;
}

/**
 * One OpenAPI document for front ends: every service's paths as the gateway exposes them
 * (`/api/v1` + the service's path), operation ids made unique by service, and schemas merged.
 * Health probes are the services' own business and are left out. Each operation also lists the
 * problems the gateway itself may answer (429, and 502-504 for a service that failed it).
 */
export function mergeOpenApi(base: OpenAPIObject, services: ServiceDocument[]): OpenAPIObject {
  const merged: OpenAPIObject = {
    ...base,
    paths: {},
    components: { ...base.components, schemas: { ...(base.components?.schemas ?? {}) } },
    tags: [...(base.tags ?? [])],
  };
  const taken = new Map<string, string>();
  for (const entry of services) {
    const document = withUniqueSchemas(entry, taken);
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (path.startsWith('/health')) continue;
      const operations = Object.fromEntries(
        Object.entries(item).map(([method, operation]) => [
          method,
          typeof operation === 'object' && operation && 'responses' in operation
            ? { ...operation, operationId: `${entry.service}_${(operation as { operationId?: string }).operationId ?? method}` }
            : operation,
        ]),
      );
      merged.paths[`${API_PREFIX}${path}`] = operations;
    }
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      merged.components!.schemas![name] = schema;
      taken.set(name, JSON.stringify(schema));
    }
    for (const tag of document.tags ?? []) if (!merged.tags!.some((known) => known.name === tag.name)) merged.tags!.push(tag);
  }
  return withProblemResponses(merged, GATEWAY_PROBLEMS);
}
