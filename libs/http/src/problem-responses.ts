import { PUBLIC_EXTENSION, REQUIRED_ROLES_EXTENSION } from '#ikm/auth';
import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';

export const PROBLEM_SCHEMA = 'ProblemDetails';
const FIELD_ERROR_SCHEMA = 'ProblemFieldError';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** RFC 9457 problem details as every service writes them (see ProblemDetails in problem-details.ts). */
const PROBLEM_SCHEMAS: Record<string, SchemaObject> = {
  [FIELD_ERROR_SCHEMA]: {
    type: 'object',
    required: ['field', 'reason'],
    properties: {
      field: { type: 'string', description: 'Dotted path of the refused field in the request.', example: 'expectedBenefits.staffHours' },
      reason: { type: 'string', example: 'staffHours must not be greater than 1000000000' },
    },
  },
  [PROBLEM_SCHEMA]: {
    type: 'object',
    description: 'RFC 9457 problem details; a problem may carry further members (e.g. `allowedTransitions`).',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string', format: 'uri', example: 'https://ikm.example.org/problems/validation' },
      title: { type: 'string', example: 'invalid request' },
      status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
      detail: { type: 'string', example: 'One or more fields are invalid.' },
      instance: { type: 'string', description: 'The path of the request.', example: '/api/v1/ideas' },
      errors: { type: 'array', description: 'For 400s: each refused field and why.', items: { $ref: `#/components/schemas/${FIELD_ERROR_SCHEMA}` } },
      errorId: { type: 'string', format: 'uuid', description: 'For 5xx: quote it to operations; the log holds the error under it.' },
    },
    additionalProperties: true,
  },
};

export interface ProblemResponse {
  status: number;
  description: string;
  headers?: ResponseObject['headers'];
  /** Whether the operation can answer with this status; statuses it already documents keep their description. */
  appliesTo(operation: OperationObject, path: string, document: OpenAPIObject): boolean;
}

function isSecured(operation: OperationObject, _path: string, document: OpenAPIObject): boolean {
  return (operation.security ?? document.security ?? []).length > 0;
}

function requiredRoles(operation: OperationObject): string[] | undefined {
  return (operation as unknown as Record<string, string[] | undefined>)[REQUIRED_ROLES_EXTENSION];
}

/** What any operation of a service built with `createHttpApp` may answer besides its success. */
export const SERVICE_PROBLEMS: ProblemResponse[] = [
  {
    status: 400,
    description: 'Invalid request: the problem lists each refused field and why.',
    appliesTo: (operation) => Boolean(operation.requestBody || operation.parameters?.length),
  },
  { status: 401, description: 'No valid bearer token.', appliesTo: isSecured },
  {
    status: 403,
    description: 'Your roles do not allow this.',
    appliesTo: (operation) => Boolean(requiredRoles(operation)?.length),
  },
  { status: 404, description: 'No such resource, or none you may see.', appliesTo: (_operation, path) => path.includes('{') },
  { status: 413, description: 'The body is larger than the limit (1 MiB).', appliesTo: (operation) => Boolean(operation.requestBody) },
  { status: 500, description: 'Unexpected error: quote the problem’s errorId.', appliesTo: () => true },
];

function problemContent() {
  return { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } } };
}

function withRoles(description: string, operation: OperationObject): string {
  const roles = requiredRoles(operation);
  const needs = `Needs one of the roles: ${roles?.join(', ')}.`;
  return roles?.length && !description.includes(needs) ? `${description} ${needs}` : description;
}

/**
 * Documents every error response of every operation as a problem (`application/problem+json` with the
 * ProblemDetails schema): those a controller declared keep their description, and those the platform
 * answers anyway (`problems`) are added where they apply (no 401 for a `@Public()` one, which is
 * documented without security). Done on the built document, so no controller
 * has to repeat them and a new service has them as soon as it is built with `createHttpApp`.
 */
export function withProblemResponses(document: OpenAPIObject, problems: ProblemResponse[]): OpenAPIObject {
  const result = structuredClone(document);
  result.components = { ...result.components, schemas: { ...result.components?.schemas, ...PROBLEM_SCHEMAS } };
  for (const [path, item] of Object.entries(result.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      // `@Public()` routes: no security requirement, whatever the document's default.
      if ((operation as unknown as Record<string, unknown>)[PUBLIC_EXTENSION]) {
        delete (operation as unknown as Record<string, unknown>)[PUBLIC_EXTENSION];
        operation.security = [];
      }
      // A copy: a document may share one responses object between operations.
      const responses = { ...operation.responses };
      for (const problem of problems) {
        if (!responses[problem.status] && problem.appliesTo(operation, path, result)) {
          responses[problem.status] = { description: problem.description, ...(problem.headers ? { headers: problem.headers } : {}) };
        }
      }
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400 || !response || '$ref' in response) continue;
        const description = Number(status) === 403 ? withRoles(response.description, operation) : response.description;
        responses[status] = { ...response, description, content: problemContent() };
      }
      operation.responses = responses;
    }
  }
  return result;
}
