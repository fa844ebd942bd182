import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { createServer, request as httpRequest, type Server } from 'node:http';
import pg from 'pg';
import request from 'supertest';
import { apiClient, outboxEvents, ServiceProcess, TEST_AUDIENCE, TEST_ISSUER, TEST_SERVICES, TestIdentityProvider, testPort, type TokenSource } from '#ikm/testing';

/**
 * The platform as a front end sees it: one origin, RS256 tokens from the identity provider's JWKS,
 * every service verifying the token and the object's ownership itself.
 */
const idp = new TestIdentityProvider(testPort(13020));
const ideas = new ServiceProcess(TEST_SERVICES.ideas, idp.serviceEnv());
const metrics = new ServiceProcess(TEST_SERVICES.metrics, idp.serviceEnv());
const knowledgeAssets = new ServiceProcess(TEST_SERVICES['knowledge-assets'], idp.serviceEnv());
const gateway = new ServiceProcess(TEST_SERVICES.gateway, { ...idp.serviceEnv(), CORS_ALLOWED_ORIGINS: 'https://app.ikm.test' });
/** A second gateway with tight limits, a service that is down and one that is slow. */
const STRICT_PORT = testPort(13010);
const SLOW_PORT = testPort(13011);
const DOWN_PORT = testPort(13012);
const strictGateway = new ServiceProcess(
  { name: 'gateway', port: STRICT_PORT, databaseUrl: '' },
  {
    ...idp.serviceEnv(),
    GATEWAY_UPSTREAMS: `ideas=http://127.0.0.1:${TEST_SERVICES.ideas.port},slow=http://127.0.0.1:${SLOW_PORT},down=http://127.0.0.1:${DOWN_PORT}`,
    GATEWAY_UPSTREAM_TIMEOUT_MS: '500',
    GATEWAY_BODY_LIMIT_BYTES: '2048',
    RATE_LIMIT_PER_SUBJECT: '5',
    RATE_LIMIT_PER_IP: '3',
  },
);
let slowService: Server;
const ideasDb = new pg.Pool({ connectionString: TEST_SERVICES.ideas.databaseUrl, max: 2 });

const PERSONAS = {
  anonymous: undefined,
  alice: ['staff'],
  bob: ['staff'],
  rita: ['reviewer'],
  ada: ['ikmu_admin'],
  carl: ['constituent'],
  rob: ['reporting'],
} as const;
type Persona = keyof typeof PERSONAS;
/** Tokens as the identity provider signs them (RS256, checked against its JWKS). */
const idpTokens: TokenSource = (user, roles) => idp.token(user, roles);
const gatewayCalls = apiClient(gateway, { tokens: idpTokens });

const draftBody = { title: 'Matrix idea', problem: 'A problem', proposal: 'A proposal' };

function api() {
  return request(gateway.baseUrl);
}

/** Calls the gateway as this persona, with the roles PERSONAS gives it (`anonymous`: without a token). */
function as(persona: Persona) {
  const roles = PERSONAS[persona];
  return roles ? gatewayCalls.as(persona, [...roles]) : gatewayCalls.anonymous;
}

async function aliceDraft(): Promise<string> {
  const response = await as('alice').post('/api/v1/ideas', draftBody);
  expect(response.status).toBe(201);
  return response.body.id;
}

/** An internal asset whose creator (and so owner) is the persona; version 1 in the state asked for. */
const assetBody = (owner: string) => ({ type: 'toolkit', title: { en: 'Matrix toolkit' }, publishingUnit: 'MATRIX', creators: [{ name: owner, staffId: owner }], dateIssued: '2026-01-01', languages: ['en'] });

async function aliceAsset(state: 'draft' | 'in_review' | 'published'): Promise<string> {
  const response = await as('alice').post('/api/v1/knowledge-assets/assets', assetBody('alice'));
  expect(response.status).toBe(201);
  const id = response.body.id as string;
  if (state !== 'draft') await as('alice').post(`/api/v1/knowledge-assets/assets/${id}/transitions`, { to: 'in_review' }).expect(200);
  if (state === 'published') await as('ada').post(`/api/v1/knowledge-assets/assets/${id}/transitions`, { to: 'published' }).expect(200);
  return id;
}

async function aliceSubmitted(): Promise<string> {
  const id = await aliceDraft();
  await as('alice').post(`/api/v1/ideas/${id}/submit`).expect(200);
  return id;
}

beforeAll(async () => {
  await idp.start();
  slowService = createServer((_request, response) => {
    setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 3_000).unref();
  });
  await new Promise<void>((resolve) => slowService.listen(SLOW_PORT, '127.0.0.1', resolve));
  await Promise.all([ideas.start(), metrics.start(), knowledgeAssets.start()]);
  await Promise.all([gateway.start(), strictGateway.start()]);
});

afterAll(async () => {
  await Promise.all([gateway.stop(), strictGateway.stop(), ideas.stop(), metrics.stop(), knowledgeAssets.stop()]);
  slowService.closeAllConnections();
  await new Promise((resolve) => slowService.close(resolve));
  await idp.stop();
  await ideasDb.end();
});

describe('authorisation matrix (through the gateway)', () => {
  type Expectations = Record<Persona, number>;
  const everyone = (status: number, except: Partial<Expectations> = {}): Expectations => ({
    anonymous: 401,
    alice: status,
    bob: status,
    rita: status,
    ada: status,
    carl: status,
    rob: status,
    ...except,
  });

  const routes: Array<{ route: string; call: (persona: Persona) => Promise<request.Response>; expected: Expectations }> = [
    {
      route: 'POST /ideas',
      call: (persona) => as(persona).post('/api/v1/ideas', draftBody),
      expected: everyone(201, { carl: 403, rob: 403 }),
    },
    {
      route: 'GET /ideas',
      call: (persona) => as(persona).get('/api/v1/ideas'),
      expected: everyone(200),
    },
    {
      route: 'GET /ideas/{alice’s draft}',
      call: async (persona) => as(persona).get(`/api/v1/ideas/${await aliceDraft()}`),
      expected: everyone(404, { alice: 200 }),
    },
    {
      route: 'GET /ideas/{alice’s submitted idea}',
      call: async (persona) => as(persona).get(`/api/v1/ideas/${await aliceSubmitted()}`),
      expected: everyone(200),
    },
    {
      route: 'PATCH /ideas/{alice’s draft}',
      call: async (persona) => as(persona).patch(`/api/v1/ideas/${await aliceDraft()}`, { title: 'Edited title' }),
      expected: everyone(404, { alice: 200, carl: 403, rob: 403 }),
    },
    {
      route: 'PATCH /ideas/{alice’s submitted idea}',
      call: async (persona) => as(persona).patch(`/api/v1/ideas/${await aliceSubmitted()}`, { title: 'Edited title' }),
      expected: everyone(403, { alice: 409 }),
    },
    {
      route: 'POST /ideas/{alice’s draft}/submit',
      call: async (persona) => as(persona).post(`/api/v1/ideas/${await aliceDraft()}/submit`),
      expected: everyone(404, { alice: 200, carl: 403, rob: 403 }),
    },
    ...['/metrics/funnel', '/metrics/funnel/conversion', '/metrics/funnel/time-in-stage', '/metrics/experiments', '/metrics/benefits'].map((path) => ({
      route: `GET ${path}`,
      call: (persona: Persona) => as(persona).get(`/api/v1${path}`),
      expected: everyone(200, { carl: 403 }),
    })),
    {
      route: 'POST /knowledge-assets/assets (as its creator)',
      call: (persona) => as(persona).post('/api/v1/knowledge-assets/assets', assetBody(persona)),
      expected: everyone(201, { carl: 403, rob: 403 }),
    },
    {
      route: 'GET /knowledge-assets/assets',
      call: (persona) => as(persona).get('/api/v1/knowledge-assets/assets'),
      expected: everyone(200),
    },
    {
      route: 'GET /knowledge-assets/assets/{alice’s draft}',
      call: async (persona) => as(persona).get(`/api/v1/knowledge-assets/assets/${await aliceAsset('draft')}`),
      expected: everyone(404, { alice: 200, ada: 200 }),
    },
    {
      route: 'GET /knowledge-assets/assets/{alice’s published internal asset}',
      call: async (persona) => as(persona).get(`/api/v1/knowledge-assets/assets/${await aliceAsset('published')}`),
      expected: everyone(200, { carl: 404, rob: 404 }),
    },
    {
      route: 'PATCH /knowledge-assets/assets/{alice’s draft}',
      call: async (persona) => as(persona).patch(`/api/v1/knowledge-assets/assets/${await aliceAsset('draft')}`, { title: { en: 'Edited' } }),
      expected: everyone(404, { alice: 200, ada: 403, carl: 403, rob: 403 }),
    },
    {
      route: 'POST /knowledge-assets/assets/{alice’s asset in review}/transitions to published',
      call: async (persona) => as(persona).post(`/api/v1/knowledge-assets/assets/${await aliceAsset('in_review')}/transitions`, { to: 'published' }),
      expected: everyone(404, { alice: 403, ada: 200, carl: 403, rob: 403 }),
    },
    {
      route: 'GET /health/ready (gateway)',
      call: (persona) => as(persona).get('/health/ready'),
      expected: everyone(200, { anonymous: 200 }),
    },
    {
      route: 'GET /docs-json (gateway)',
      call: (persona) => as(persona).get('/docs-json'),
      expected: everyone(200, { anonymous: 200 }),
    },
  ];

  const cells = routes.flatMap(({ route, call, expected }) =>
    (Object.keys(PERSONAS) as Persona[]).map((persona) => ({ route, persona, call, status: expected[persona] })),
  );

  it.each(cells)('$route as $persona: $status', async ({ call, persona, status }) => {
    const response = await call(persona);
    expect(response.status).toBe(status);
    if (status >= 400) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('token attacks (each a 401 from the service behind the gateway)', () => {
  const claims = { roles: ['ikmu_admin'] };

  const attacks: Array<[string, () => Promise<string>]> = [
    ['alg none', async () => new UnsecuredJWT(claims).setSubject('mallory').setIssuer(TEST_ISSUER).setAudience(TEST_AUDIENCE).setExpirationTime('1h').encode()],
    [
      'a key the identity provider does not have, under its key id',
      async () => {
        const { privateKey } = await generateKeyPair('RS256');
        return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: idp.kid }).setSubject('mallory').setIssuer(TEST_ISSUER).setAudience(TEST_AUDIENCE).setExpirationTime('1h').sign(privateKey);
      },
    ],
    [
      'HS256 signed with the public key (RS/HS confusion)',
      async () => {
        const secret = new TextEncoder().encode(JSON.stringify(idp.publicJwk));
        return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: idp.kid }).setSubject('mallory').setIssuer(TEST_ISSUER).setAudience(TEST_AUDIENCE).setExpirationTime('1h').sign(secret);
      },
    ],
    [
      'HS256 signed with the public key’s modulus bytes',
      async () => {
        const secret = Buffer.from(String(idp.publicJwk.n), 'base64url');
        return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setIssuer(TEST_ISSUER).setAudience(TEST_AUDIENCE).setExpirationTime('1h').sign(secret);
      },
    ],
    ['an expired token', () => idp.token('alice', ['staff'], { expiresAt: Math.floor(Date.now() / 1000) - 120 })],
    ['another issuer', () => idp.token('alice', ['staff'], { issuer: 'https://evil.test' })],
    ['another audience', () => idp.token('alice', ['staff'], { audience: 'another-app' })],
    ['a public key as if it were a key id', async () => `${(await exportJWK((await generateKeyPair('RS256')).publicKey)).n}.x.y`],
  ];

  it.each(attacks)('refuses %s', async (_, forge) => {
    const token = await forge();
    for (const path of ['/api/v1/ideas', '/api/v1/knowledge-assets/assets', '/api/v1/metrics/funnel']) {
      const response = await api().get(path).set('authorization', `Bearer ${token}`);
      expect(response.status).toBe(401);
      expect(response.body.type).toMatch(/problems\/unauthorized$/);
    }
  });
});

describe('server-owned fields', () => {
  it.each(['status', 'authorId', 'version', 'createdAt', 'submittedAt'])('refuses %s in a body with a 400 naming it', async (field) => {
    const response = await as('alice').post('/api/v1/ideas', { ...draftBody, [field]: 'x' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual({ field, reason: `property ${field} should not exist` });
  });
});

describe('forwarding', () => {
  it('passes the request id and traceparent on to the service, which stores them with the event', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const response = await as('alice').post('/api/v1/ideas').set('x-request-id', 'gw-corr-1').set('traceparent', traceparent).send(draftBody);
    expect(response.status).toBe(201);
    expect(response.headers['x-request-id']).toBe('gw-corr-1');
    expect(response.headers.location).toBe(`/api/v1/ideas/${response.body.id}`);
    expect(await outboxEvents(ideasDb, { aggregateId: response.body.id })).toMatchObject([{ correlationId: 'gw-corr-1', traceparent }]);
  });

  it('starts a request id and a trace when the caller sends none', async () => {
    const response = await as('alice').post('/api/v1/ideas', draftBody);
    const [event] = await outboxEvents(ideasDb, { aggregateId: response.body.id });
    expect(event.correlationId).toBe(response.headers['x-request-id']);
    expect(event.traceparent).toMatch(/^00-[\da-f]{32}-[\da-f]{16}-01$/);
  });

  it('streams a chunked request body through to the service', async () => {
    const body = JSON.stringify(draftBody);
    const token = await gatewayCalls.token('alice', ['staff']);
    const status = await new Promise<number>((resolve, reject) => {
      const call = httpRequest(`${gateway.baseUrl}/api/v1/ideas`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      call.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      call.on('error', reject);
      for (const chunk of body.match(/.{1,7}/g) ?? []) call.write(chunk);
      call.end();
    });
    expect(status).toBe(201);
  });

  it('answers an unknown service with a 404 problem naming the known ones', async () => {
    const response = await as('alice').get('/api/v1/payroll/salaries');
    expect(response.status).toBe(404);
    expect(response.body.detail).toMatch(/known: ideas, knowledge-assets, metrics/);
  });

  it('caps the page size at 100', async () => {
    const response = await as('alice').get('/api/v1/ideas').query({ limit: 1000 });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('limit');
  });
});

describe('limits and failures', () => {
  const strict = () => request(strictGateway.baseUrl);

  it('limits a subject to its rate, then answers 429 with Retry-After', async () => {
    const token = await idp.token('rate-limited-user', ['staff']);
    const statuses: number[] = [];
    let limited: request.Response | undefined;
    for (let i = 0; i < 7; i += 1) {
      const response = await strict().get('/api/v1/ideas').set('authorization', `Bearer ${token}`);
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited?.body).toMatchObject({ status: 429, title: 'too many requests' });
    // Another subject has a budget of its own.
    const other = await strict().get('/api/v1/ideas').set('authorization', `Bearer ${await idp.token('someone-else', ['staff'])}`);
    expect(other.status).toBe(200);
  });

  it('limits anonymous callers per IP, forged tokens included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const forged = new UnsecuredJWT({}).setSubject(`fake-${i}`).encode();
      statuses.push((await strict().get('/api/v1/ideas').set('authorization', `Bearer ${forged}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const token = await idp.token('big-body-user', ['staff']);
    const declared = await strict().post('/api/v1/ideas').set('authorization', `Bearer ${token}`).send({ ...draftBody, proposal: 'x'.repeat(5_000) });
    expect(declared.status).toBe(413);
    expect(declared.headers['content-type']).toMatch(/^application\/problem\+json/);
    const streamed = await new Promise<number>((resolve, reject) => {
      const call = httpRequest(`${strictGateway.baseUrl}/api/v1/ideas`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      call.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      call.on('error', reject);
      call.write(JSON.stringify({ ...draftBody, proposal: 'y'.repeat(5_000) }));
      call.end();
    });
    expect(streamed).toBe(413);
  });

  it('answers 503 naming a service that is down, at once', async () => {
    const token = await idp.token('down-user', ['staff']);
    const started = Date.now();
    const response = await strict().get('/api/v1/down/anything').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ status: 503, service: 'down' });
    expect(response.body.detail).toMatch(/down service is unavailable/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('answers 504 naming a slow service within the configured timeout, never hanging', async () => {
    const token = await idp.token('slow-user', ['staff']);
    const started = Date.now();
    const response = await strict().get('/api/v1/slow/anything').set('authorization', `Bearer ${token}`);
    const elapsed = Date.now() - started;
    expect(response.status).toBe(504);
    expect(response.body).toMatchObject({ status: 504, service: 'slow' });
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(2_500);
  });

  it('reports each upstream in its readiness', async () => {
    const response = await strict().get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('degraded');
    expect(response.body.checks.ideas.status).toBe('up');
    expect(response.body.checks.down.status).toBe('down');
    expect(response.body.checks.slow.status).toBe('down');
  });
});

describe('browser-facing', () => {
  it('allows listed origins only', async () => {
    const allowed = await api().options('/api/v1/ideas').set('origin', 'https://app.ikm.test').set('access-control-request-method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.ikm.test');
    const refused = await api().options('/api/v1/ideas').set('origin', 'https://evil.test').set('access-control-request-method', 'POST');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends security headers', async () => {
    const response = await as('alice').get('/api/v1/ideas');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('one OpenAPI document', () => {
  it('holds every route of every service, as the gateway exposes it', async () => {
    const merged = (await api().get('/docs-json').expect(200)).body;
    for (const service of [ideas, knowledgeAssets, metrics]) {
      const own = (await request(service.baseUrl).get('/docs-json').expect(200)).body;
      for (const [path, operations] of Object.entries(own.paths as Record<string, object>)) {
        if (path.startsWith('/health')) continue;
        expect(Object.keys(merged.paths)).toContain(`/api/v1${path}`);
        expect(Object.keys(merged.paths[`/api/v1${path}`]).sort()).toEqual(Object.keys(operations).sort());
      }
    }
    expect(merged.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect((await api().get('/docs')).status).toBe(200);
  });
});
