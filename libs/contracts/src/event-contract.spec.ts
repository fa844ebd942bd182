import { z } from 'zod';
import { allContracts, findContract, TOPIC_PARTITIONS } from './registry.js';
import { deadLetterTopicOf, defineEvent } from './event-contract.js';

describe('event contracts', () => {
  it('derive topic and source from the type', () => {
    const sut = defineEvent('ikm.ideas.idea.submitted.v2', z.object({}));
    expect(sut).toMatchObject({ topic: 'ikm.ideas.idea', source: '/ikm/ideas' });
    expect(deadLetterTopicOf(sut.topic)).toBe('ikm.ideas.idea.dlq');
  });

  it.each(['ideas.idea.created.v1', 'ikm.ideas.idea.created', 'ikm.Ideas.idea.created.v1'])('refuse the malformed type %s', (type) => {
    expect(() => defineEvent(type, z.object({}))).toThrow(/does not follow/);
  });

  it('are all registered once, on topics with a partition count', () => {
    const types = allContracts().map((contract) => contract.type);
    expect(new Set(types).size).toBe(types.length);
    for (const contract of allContracts()) {
      expect(findContract(contract.type)).toBe(contract);
      expect(TOPIC_PARTITIONS[contract.topic]).toBeGreaterThan(0);
    }
  });
});
