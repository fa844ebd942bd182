import { BACKEND_SERVICES, GATEWAY_SERVICE, gatewayUpstreams } from '#ikm/contracts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './platform.js';

interface ComposeService {
  environment?: Record<string, string | number | null>;
  ports?: string[];
  depends_on?: string[] | Record<string, unknown>;
  networks?: { default?: { ipv4_address?: string } };
}

/** The infrastructure compose runs beside the platform's own services. */
const INFRASTRUCTURE = ['postgres', 'kafka'];

// docker-compose.yml is static YAML for machines with Docker: this keeps it true to libs/contracts' declarations.
const compose = parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const gateway = compose.services[GATEWAY_SERVICE.name];

/** Its image runs the service named SERVICE on PORT, published on the same port of the host. */
function expectRunsAsDeclared(entry: ComposeService | undefined, service: { name: string; port: number }): void {
  expect(entry).toBeDefined();
  expect(entry?.environment).toMatchObject({ SERVICE: service.name, PORT: service.port });
  expect(entry?.ports).toContain(`${service.port}:${service.port}`);
}

describe('docker-compose.yml', () => {
  it('runs exactly the declared services beside its infrastructure', () => {
    const declared = [GATEWAY_SERVICE, ...BACKEND_SERVICES].map((service) => service.name);
    expect(Object.keys(compose.services).filter((name) => !INFRASTRUCTURE.includes(name)).sort()).toEqual(declared.sort());
  });

  it.each(BACKEND_SERVICES.map((service) => [service.name, service] as const))(
    'runs %s on its port and database, with the broker, believing only the gateway',
    (name, service) => {
      const entry = compose.services[name];
      expectRunsAsDeclared(entry, service);
      expect(entry?.environment?.DATABASE_URL).toBe(`postgres://postgres@postgres:5432/${service.database}`);
      expect(entry?.environment?.KAFKA_BROKERS).toBe('kafka:9092');
      expect(entry?.environment?.TRUSTED_PROXIES).toBe(gateway?.networks?.default?.ipv4_address);
    },
  );

  it('runs the gateway on its port, routing to every declared service by its compose host name', () => {
    expectRunsAsDeclared(gateway, GATEWAY_SERVICE);
    // The address the services trust as their proxy.
    expect(gateway?.networks?.default?.ipv4_address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(gateway?.environment?.GATEWAY_UPSTREAMS).toBe(gatewayUpstreams(BACKEND_SERVICES, (name) => name));
    expect(gateway?.depends_on).toEqual(expect.arrayContaining(BACKEND_SERVICES.map((service) => service.name)));
  });
});
