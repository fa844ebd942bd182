import { z } from 'zod';
import { allContracts, findContract } from './registry.js';
import { TOPIC_PARTITIONS } from './services.js';
import { deadLetterTopicOf, defineEvent } from './event-contract.js';

describe('event contracts', () => {
  it('derive topic and source from the type', () => {
    const sut = defineEvent('ikm.ideas.idea.submitted.v2', z.object({}));
    expect(sut).toMatchObject({ topic: 'ikm.ideas.idea', source: '/ikm/ideas' });
    expect(deadLetterTopicOf(sut.topic)).toBe('ikm.ideas.idea.dlq');
  });

  it('take a hyphenated service name whole into topic and source', () => {
    const sut = defineEvent('ikm.knowledge-assets.asset.published.v1', z.object({}));
    expect(sut).toMatchObject({ topic: 'ikm.knowledge-assets.asset', source: '/ikm/knowledge-assets' });
  });

  it.each(['ideas.idea.created.v1', 'ikm.ideas.idea.created', 'ikm.Ideas.idea.created.v1', 'ikm.-ideas.idea.created.v1', 'ikm.knowledge--assets.asset.published.v1'])('refuse the malformed type %s', (type) => {
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
