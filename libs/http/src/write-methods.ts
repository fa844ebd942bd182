/**
 * The methods that change something. Each accepts an `Idempotency-Key` (libs/idempotency), and the
 * OpenAPI document says so on each such operation.
 */
export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

export type WriteMethod = (typeof WRITE_METHODS)[number];

export function isWriteMethod(method: string): method is WriteMethod {
  return (WRITE_METHODS as readonly string[]).includes(method);
}
