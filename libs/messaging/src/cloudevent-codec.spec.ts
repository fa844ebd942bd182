import { IdeaCreatedV1 } from '#ikm/contracts';
import { randomUUID } from 'node:crypto';
import { decodeCloudEvent, encodeCloudEvent, InvalidEventError, type OutboxRecord } from './cloudevent-codec.js';

const ideaId = randomUUID();
const createdData = {
  ideaId,
  version: 1,
  title: 'T',
  problem: 'P',
  proposal: 'Q',
  themes: [],
  authorId: 'u1',
  status: 'draft',
  createdAt: '2026-01-01T00:00:00.000Z',
};

function record(overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    id: randomUUID(),
    topic: IdeaCreatedV1.topic,
    aggregateId: ideaId,
    type: IdeaCreatedV1.type,
    source: IdeaCreatedV1.source,
    occurredAt: new Date('2026-01-01T00:00:00Z'),
    payload: createdData,
    correlationId: 'corr-1',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    actor: 'u1',
    ...overrides,
  };
}

/** A produced message as a consumer receives it: bytes for key, value and headers. */
function received(message: ReturnType<typeof encodeCloudEvent>, offset = '7') {
  const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))]));
  return { key: Buffer.from(String(message.key)), value: Buffer.from(String(message.value)), headers, offset };
}

describe('CloudEvents binary mode', () => {
  it('puts attributes in ce_* headers, the aggregate id in the key and JSON data in the value', () => {
    const input = record();
    const sut = encodeCloudEvent(input);
    expect(sut.key).toBe(ideaId);
    expect(JSON.parse(String(sut.value))).toEqual(createdData);
    expect(sut.headers).toMatchObject({
      ce_id: input.id,
      ce_specversion: '1.0',
      ce_type: 'ikm.ideas.idea.created.v1',
      ce_source: '/ikm/ideas',
      ce_subject: ideaId,
      ce_time: '2026-01-01T00:00:00.000Z',
      'content-type': 'application/json',
      ce_correlationid: 'corr-1',
      ce_actor: 'u1',
      traceparent: input.traceparent,
    });
    expect(Object.values(sut.headers ?? {})).not.toContain(undefined);
  });

  it('leaves out absent optional attributes rather than sending empty headers', () => {
    const sut = encodeCloudEvent(record({ correlationId: null, traceparent: null, actor: null }));
    expect(Object.keys(sut.headers ?? {})).not.toEqual(expect.arrayContaining(['ce_correlationid']));
    expect(sut.headers).not.toHaveProperty('traceparent');
  });

  it('decodes what it encodes, validated against the contract', () => {
    const input = record();
    const sut = decodeCloudEvent(IdeaCreatedV1.topic, 2, received(encodeCloudEvent(input)));
    expect(sut).toEqual({
      id: input.id,
      type: IdeaCreatedV1.type,
      source: '/ikm/ideas',
      specversion: '1.0',
      subject: ideaId,
      time: '2026-01-01T00:00:00.000Z',
      data: createdData,
      correlationId: 'corr-1',
      actor: 'u1',
      topic: IdeaCreatedV1.topic,
      partition: 2,
      offset: '7',
    });
  });

  it.each([
    ['a value that is not JSON', (m: ReturnType<typeof received>) => ({ ...m, value: Buffer.from('{not json') }), /not a CloudEvent/],
    ['no ce_id header', (m: ReturnType<typeof received>) => ({ ...m, headers: { ...m.headers, ce_id: undefined } }), /No CloudEvent detected/],
    ['no headers at all', (m: ReturnType<typeof received>) => ({ ...m, headers: {} }), /No CloudEvent detected/],
    [
      'an empty subject',
      (m: ReturnType<typeof received>) => ({ ...m, headers: { ...m.headers, ce_subject: Buffer.from('') } }),
      /invalid CloudEvents attributes/,
    ],
    [
      'an unknown version of the type',
      (m: ReturnType<typeof received>) => ({ ...m, headers: { ...m.headers, ce_type: Buffer.from('ikm.ideas.idea.created.v9') } }),
      /unknown event type ikm.ideas.idea.created.v9/,
    ],
    [
      'data that breaks the contract',
      (m: ReturnType<typeof received>) => ({ ...m, value: Buffer.from(JSON.stringify({ ...createdData, version: 'one' })) }),
      /does not match ikm.ideas.idea.created.v1/,
    ],
  ])('refuses %s as an invalid event', (_, mutate, message) => {
    const valid = received(encodeCloudEvent(record()));
    const action = () => decodeCloudEvent(IdeaCreatedV1.topic, 0, mutate(valid) as typeof valid);
    expect(action).toThrow(InvalidEventError);
    expect(action).toThrow(message);
  });

  it('refuses an event on a topic it does not belong to', () => {
    const valid = received(encodeCloudEvent(record()));
    expect(() => decodeCloudEvent('ikm.knowledge-assets.asset', 0, valid)).toThrow(/does not belong on topic/);
  });
});
