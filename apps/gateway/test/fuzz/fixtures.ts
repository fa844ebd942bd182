import type { OpenAPIObject } from '@nestjs/swagger';
import { sample } from 'openapi-sampler';
import { fillPath, placeholdersOf, type FuzzOperation } from './operations.js';

export type Send = (operation: FuzzOperation, path: string, body: unknown) => Promise<{ status: number; body: unknown }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Real resources for the fuzzer to aim at, so that malformed requests reach the use cases and the
 * database and not only the "no such id" answer: each collection's POST (`/ideas`, then
 * `/ideas/{id}/comments`, ...) is sent a body sampled from its schema (required fields, examples
 * where the document has them), and the id it answers with fills that collection's `{param}`. Works
 * from the document alone, so a new service's resources are made the same way.
 */
export class Fixtures {
  /** Per collection path (`/api/v1/ideas/{id}/comments`): the placeholders it was filled with, and the id made. */
  private readonly made = new Map<string, Array<{ segments: Record<string, string>; id: string }>>();

  constructor(private readonly document: OpenAPIObject) {}

  async create(operations: FuzzOperation[], send: Send): Promise<void> {
    const collections = operations
      .filter((operation) => operation.method === 'POST' && operation.bodySchema && this.isCollection(operation.template))
      .sort((left, right) => placeholdersOf(left.template).length - placeholdersOf(right.template).length);
    for (const operation of collections) {
      const body = sample(operation.bodySchema as never, { skipNonRequired: true, skipReadOnly: true, quiet: true }, this.document);
      const parents = placeholdersOf(operation.template).length ? this.combinations(operation.template).slice(0, 2) : [{}];
      for (const segments of parents) {
        for (let copy = 0; copy < 2; copy++) {
          const answer = await send(operation, fillPath(operation.template, segments), body);
          const id = (answer.body as { id?: unknown } | undefined)?.id;
          if (answer.status < 300 && typeof id === 'string' && UUID.test(id)) {
            this.made.set(operation.template, [...(this.made.get(operation.template) ?? []), { segments, id }]);
          }
        }
      }
    }
  }

  /** Whether some documented path continues this one with a placeholder (`/ideas` → `/ideas/{id}`). */
  private isCollection(template: string): boolean {
    return Object.keys(this.document.paths).some((candidate) => candidate.startsWith(`${template}/{`));
  }

  /** Every consistent filling of the path's placeholders with resources made (a comment with its own idea). */
  combinations(template: string): Array<Record<string, string>> {
    const placeholders = placeholdersOf(template);
    const last = placeholders.at(-1);
    if (!last) return [{}];
    const collection = template.slice(0, template.indexOf(`/{${last}}`));
    return (this.made.get(collection) ?? []).map(({ segments, id }) => ({ ...segments, [last]: id }));
  }

  ids(): string[] {
    return [...this.made.values()].flatMap((entries) => entries.map((entry) => entry.id));
  }
}
