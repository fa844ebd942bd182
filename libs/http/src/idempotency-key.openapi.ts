import type { OpenAPIObject, ParameterObject } from '@nestjs/swagger';
import { WRITE_METHODS, type WriteMethod } from './write-methods.js';

/** A path item names its operations by their methods in lowercase. */
const WRITE_OPERATIONS = WRITE_METHODS.map((method) => method.toLowerCase() as Lowercase<WriteMethod>);

const IDEMPOTENCY_KEY_PARAMETER: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry of this write safe (draft-ietf-httpapi-idempotency-key-header). A retry with the same key, by the same ' +
    'caller, to the same method and path, within 24 hours, gets the outcome of the first request (status, body, Location ' +
    'and ETag, marked `Idempotent-Replayed: true`) instead of acting twice, also when the first answer was lost. The same ' +
    'key with another body or If-Match is a 422; while the first request is still being processed, a 409 with ' +
    'Retry-After. An error is not kept: a request that failed changed nothing, and its retry acts anew. The key is a ' +
    'Structured Field string or the bare key: 1 to 255 visible ASCII characters, e.g. a random UUID.',
  schema: { type: 'string', minLength: 1, maxLength: 257, example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"' },
};

/** Documents the `Idempotency-Key` header that every write of a service accepts (libs/idempotency). */
export function documentIdempotencyKey(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of WRITE_OPERATIONS) {
      const operation = pathItem[method];
      if (operation) operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY_PARAMETER];
    }
  }
  return document;
}
