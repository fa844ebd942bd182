import { defineEvent } from '#ikm/contracts';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { defineReplica, updateOn, upsertOn } from './replica.js';

// A replica as communities will keep one: taxonomy concepts from the taxonomy's events.
const ConceptPublishedV1 = defineEvent('ikm.taxonomy.concept.published.v1', z.object({ conceptId: z.uuid(), version: z.number().int(), label: z.record(z.string(), z.string()), broader: z.array(z.string()) }));
const ConceptDeprecatedV1 = defineEvent('ikm.taxonomy.concept.deprecated.v1', z.object({ conceptId: z.uuid(), version: z.number().int() }));
const ConceptMergedV1 = defineEvent('ikm.taxonomy.concept.merged.v1', z.object({ conceptId: z.uuid(), version: z.number().int() }));

const sut = defineReplica({
  table: 'concepts',
  key: 'concept_id',
  version: 'version',
  on: [
    upsertOn(ConceptPublishedV1, (concept) => ({ label: concept.label, version: concept.version, concept_id: concept.conceptId, order: concept.broader })),
    updateOn(ConceptDeprecatedV1, (deprecated) => ({ concept_id: deprecated.conceptId, version: deprecated.version, deprecated: true })),
  ],
});

const label = { en: 'Social protection' };

describe('a replica', () => {
  it('upserts the whole state, overwriting only an older version', () => {
    expect(sut.statementFor({ type: ConceptPublishedV1.type, data: { conceptId: 'c1', version: 3, label, broader: ['c0'] } })).toEqual({
      sql:
        'INSERT INTO "concepts" ("concept_id", "version", "label", "order") VALUES ($1, $2, $3, $4) ' +
        'ON CONFLICT ("concept_id") DO UPDATE SET "version" = EXCLUDED."version", "label" = EXCLUDED."label", "order" = EXCLUDED."order" ' +
        'WHERE "concepts"."version" < EXCLUDED."version" RETURNING "concept_id"',
      params: ['c1', 3, label, ['c0']],
    });
  });

  it('updates some columns of a row at an older version, and nothing else', () => {
    expect(sut.statementFor({ type: ConceptDeprecatedV1.type, data: { conceptId: 'c1', version: 4 } })).toEqual({
      sql: 'UPDATE "concepts" SET "version" = $2, "deprecated" = $3 WHERE "concept_id" = $1 AND "version" < $2 RETURNING "concept_id"',
      params: ['c1', 4, true],
    });
  });

  it('passes by event types it was not declared with', async () => {
    expect(sut.statementFor({ type: ConceptMergedV1.type, data: { conceptId: 'c1', version: 5 } })).toBeUndefined();
    const manager = { queryRunner: undefined, connection: { driver: { master: { query: () => Promise.reject(new Error('no query expected')) } } } } as unknown as EntityManager;
    expect(await sut.apply(manager, { type: ConceptMergedV1.type, data: {} })).toBe(false);
  });

  it('tells whether the row changed: the statement returns the key only when the guard let it through', async () => {
    const sent: unknown[] = [];
    const answering = (rows: unknown[]) =>
      ({ queryRunner: undefined, connection: { driver: { master: { query: async (query: unknown) => (sent.push(query), { rows }) } } } }) as unknown as EntityManager;
    const event = { type: ConceptDeprecatedV1.type, data: { conceptId: 'c1', version: 4 } };
    expect(await sut.apply(answering([{ concept_id: 'c1' }]), event)).toBe(true);
    expect(await sut.apply(answering([]), event)).toBe(false);
    expect(sent[0]).toMatchObject({ name: expect.stringMatching(/^ikm_/), values: ['c1', 4, true] });
  });

  it('refuses a row without its key or an integer version: the guard could not hold', () => {
    const broken = defineReplica({
      table: 'concepts',
      key: 'concept_id',
      version: 'version',
      on: [upsertOn(ConceptPublishedV1, (concept) => ({ concept_id: concept.conceptId, version: String(concept.version) })), updateOn(ConceptDeprecatedV1, (d) => ({ version: d.version }))],
    });
    expect(() => broken.statementFor({ type: ConceptPublishedV1.type, data: { conceptId: 'c1', version: 1, label, broader: [] } })).toThrow('gives no integer version');
    expect(() => broken.statementFor({ type: ConceptDeprecatedV1.type, data: { conceptId: 'c1', version: 1 } })).toThrow('gives no concept_id');
  });

  it('refuses names that are not plain SQL identifiers, when declared or when a row names one', () => {
    expect(() => defineReplica({ table: 'concepts; DROP TABLE ideas', key: 'concept_id', version: 'version', on: [] })).toThrow('not a plain SQL identifier');
    expect(() => defineReplica({ table: 'concepts', key: 'Concept-Id', version: 'version', on: [] })).toThrow('not a plain SQL identifier');
    const injecting = defineReplica({
      table: 'concepts',
      key: 'concept_id',
      version: 'version',
      on: [updateOn(ConceptDeprecatedV1, (d) => ({ concept_id: d.conceptId, version: d.version, 'x" = 1; --': true }))],
    });
    expect(() => injecting.statementFor({ type: ConceptDeprecatedV1.type, data: { conceptId: 'c1', version: 1 } })).toThrow('not a plain SQL identifier');
  });

  it('refuses an event type declared twice, so what an event does is read in one place', () => {
    expect(() =>
      defineReplica({ table: 'concepts', key: 'concept_id', version: 'version', on: [updateOn(ConceptDeprecatedV1, () => ({})), updateOn(ConceptDeprecatedV1, () => ({}))] }),
    ).toThrow('declares ikm.taxonomy.concept.deprecated.v1 twice');
  });
});
