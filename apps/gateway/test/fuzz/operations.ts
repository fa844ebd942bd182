import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, RequestBodyObject, SchemaObject } from '@nestjs/swagger';
import type { Role } from '#ikm/auth';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** One operation of the merged document, as the fuzzer needs it. */
export interface FuzzOperation {
  name: string;
  method: Uppercase<(typeof METHODS)[number]>;
  /** The path as documented, `{param}` placeholders included. */
  template: string;
  pathParameters: ParameterObject[];
  queryParameters: ParameterObject[];
  headerParameters: ParameterObject[];
  bodySchema?: SchemaObject | ReferenceObject;
  /** Roles of which the caller needs one (`x-required-roles`); any signed-in caller otherwise. */
  roles: Role[];
}

/** Every operation of the document: what is fuzzed is what the gateway publishes, whichever the services. */
export function operationsOf(document: OpenAPIObject): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([template, item]) =>
    METHODS.flatMap((method) => {
      const operation: OperationObject | undefined = item[method];
      if (!operation) return [];
      const parameters = (operation.parameters ?? []) as ParameterObject[];
      const body = operation.requestBody as RequestBodyObject | undefined;
      return [
        {
          name: `${method.toUpperCase()} ${template}`,
          method: method.toUpperCase() as FuzzOperation['method'],
          template,
          pathParameters: parameters.filter((parameter) => parameter.in === 'path'),
          queryParameters: parameters.filter((parameter) => parameter.in === 'query'),
          headerParameters: parameters.filter((parameter) => parameter.in === 'header'),
          bodySchema: body?.content['application/json']?.schema,
          roles: ((operation as { 'x-required-roles'?: Role[] })['x-required-roles'] ?? ['staff']) as Role[],
        },
      ];
    }),
  );
}

/** The path with its placeholders replaced by already-encoded segments. */
export function fillPath(template: string, segments: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_placeholder, name: string) => segments[name]);
}

/** Names of the path's placeholders, outermost first. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}
