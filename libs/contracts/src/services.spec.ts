import { allContracts } from './registry.js';
import { BACKEND_SERVICES, backendService, GATEWAY_SERVICE, TOPIC_PARTITIONS, gatewayUpstreams } from './services.js';

describe('the service declarations', () => {
  const all = [GATEWAY_SERVICE, ...BACKEND_SERVICES];

  it('give every service its own name and port', () => {
    expect(new Set(all.map((service) => service.name)).size).toBe(all.length);
    expect(new Set(all.map((service) => service.port)).size).toBe(all.length);
  });

  it('derive database and consumer group from the one name', () => {
    expect(backendService('ideas')).toMatchObject({ database: 'ikm_ideas', consumerGroup: 'ikm.ideas' });
    expect(backendService('metrics')).toMatchObject({ database: 'ikm_metrics', consumerGroup: 'ikm.metrics' });
    expect(backendService('knowledge-assets')).toMatchObject({ database: 'ikm_knowledge_assets', consumerGroup: 'ikm.knowledge-assets' });
  });

  it('name each produced topic after its producer, and each producer after its contracts', () => {
    for (const service of BACKEND_SERVICES) {
      for (const [topic, partitions] of Object.entries(service.produces)) {
        expect(topic.startsWith(`ikm.${service.name}.`)).toBe(true);
        expect(partitions).toBeGreaterThan(0);
        expect(TOPIC_PARTITIONS[topic]).toBe(partitions);
      }
    }
    for (const contract of allContracts()) {
      const producer = BACKEND_SERVICES.find((service) => contract.topic in service.produces);
      if (producer) expect(contract.source).toBe(`/ikm/${producer.name}`);
    }
  });

  it('give the gateway an upstream per backend service', () => {
    const sut = gatewayUpstreams(BACKEND_SERVICES);
    expect(sut).toBe('ideas=http://127.0.0.1:3001,knowledge-assets=http://127.0.0.1:3002,metrics=http://127.0.0.1:3005');
    expect(gatewayUpstreams(BACKEND_SERVICES, (name) => name)).toBe('ideas=http://ideas:3001,knowledge-assets=http://knowledge-assets:3002,metrics=http://metrics:3005');
  });
});
