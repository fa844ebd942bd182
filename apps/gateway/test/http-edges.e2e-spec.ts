import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import request from 'supertest';
import { apiClient, eventually, ServiceProcess, TEST_SERVICES, TestIdentityProvider, testPort, type TokenSource } from '#ikm/testing';

/**
 * The edges of HTTP, through the gateway and on each service: whom the gateway believes about a
 * caller's address, the 429's message, the paths problems name, and the errors answered before any
 * route runs (head too large, path segment too long, shutdown), each a problem like every other.
 */
const idp = new TestIdentityProvider(testPort(13030));
const ideas = new ServiceProcess(TEST_SERVICES.ideas, idp.serviceEnv());
const metrics = new ServiceProcess(TEST_SERVICES.metrics, idp.serviceEnv());
const knowledgeAssets = new ServiceProcess(TEST_SERVICES['knowledge-assets'], idp.serviceEnv());
const LIMITS = { RATE_LIMIT_PER_IP: '3', RATE_LIMIT_WINDOW: '90 seconds' };
/** Believes no proxy (the default): every caller is counted by the address it connects from. */
const gateway = new ServiceProcess({ name: 'gateway', port: testPort(13031), databaseUrl: '' }, { ...idp.serviceEnv(), ...LIMITS });
/** Behind a proxy on this machine (the test itself): the address it forwards is the caller's. */
const proxiedGateway = new ServiceProcess(
  { name: 'gateway', port: testPort(13032), databaseUrl: '' },
  { ...idp.serviceEnv(), ...LIMITS, TRUSTED_PROXIES: '127.0.0.1' },
);
/** Tokens as the identity provider signs them. */
const idpTokens: TokenSource = (user, roles) => idp.token(user, roles);
const CLOSING_GATEWAY_PORT = testPort(13033);
const HOLDING_SERVICE_PORT = testPort(13034);

const PROBLEM = /^application\/problem\+json/;

beforeAll(async () => {
  await idp.start();
  await Promise.all([ideas.start(), metrics.start(), knowledgeAssets.start()]);
  await Promise.all([gateway.start(), proxiedGateway.start()]);
});

afterAll(async () => {
  await Promise.all([gateway.stop(), proxiedGateway.stop(), ideas.stop(), metrics.stop(), knowledgeAssets.stop()]);
  await idp.stop();
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits what a server wrote on one connection into responses (bodies with Content-Length only). */
function parseResponses(text: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = text;
  while (rest.startsWith('HTTP/1.1 ')) {
    const headEnd = rest.indexOf('\r\n\r\n');
    const [statusLine, ...headerLines] = rest.slice(0, headEnd).split('\r\n');
    const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    const length = Number(headers['content-length'] ?? 0);
    responses.push({ status: Number(statusLine.split(' ')[1]), headers, body: rest.slice(headEnd + 4, headEnd + 4 + length) });
    rest = rest.slice(headEnd + 4 + length);
  }
  return responses;
}

/**
 * Sends raw bytes on a fresh connection and reads until the server closes it: a head too large is
 * answered by Node's parser, which closes the connection, and a test client could see the reset first.
 */
function rawExchange(port: number, bytes: string): Promise<RawResponse[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' && received ? undefined : reject(error)));
    socket.on('close', () => resolve(parseResponses(received)));
    socket.end(bytes);
  });
}

function expectProblem(response: { status: number; headers: Record<string, string>; body: unknown }, status: number, type: string, detail: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(PROBLEM);
  const problem = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
  expect(problem).toMatchObject({ type: `https://ikm.example.org/problems/${type}`, title: type.replaceAll('-', ' '), status, detail: expect.stringMatching(detail) });
}

describe('the caller’s address', () => {
  const anonymous = (target: ServiceProcess, forwardedFor: string) => request(target.baseUrl).get('/api/v1/ideas').set('x-forwarded-for', forwardedFor);

  it('is the connection’s by default: a new X-Forwarded-For per request does not escape the per-IP limit', async () => {
    const responses: request.Response[] = [];
    for (let i = 1; i <= 5; i += 1) responses.push(await anonymous(gateway, `10.0.0.${i}`));
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 429, 429]);
    // The message states the configured limit and window, not the time left until it resets.
    expectProblem(responses[3], 429, 'too-many-requests', /at most 3 requests per 90 seconds; retry in \d+ s/);
  });

  it('is the forwarded one when the connection comes from a trusted proxy', async () => {
    const distinct: number[] = [];
    for (let i = 1; i <= 5; i += 1) distinct.push((await anonymous(proxiedGateway, `10.0.1.${i}`)).status);
    expect(distinct).toEqual([401, 401, 401, 401, 401]);
    const same: number[] = [];
    for (let i = 1; i <= 4; i += 1) same.push((await anonymous(proxiedGateway, '10.0.2.1')).status);
    expect(same).toEqual([401, 401, 401, 429]);
  });

  it('reaches the service’s log as the gateway established it, never as the caller claimed it', async () => {
    const token = await idp.token('address-user', ['staff']);
    const call = (target: ServiceProcess, correlationId: string) =>
      request(target.baseUrl).get('/api/v1/ideas').set('authorization', `Bearer ${token}`).set('x-forwarded-for', '10.6.6.6').set('x-request-id', correlationId);
    const direct = `address-direct-${randomUUID()}`;
    const proxied = `address-proxied-${randomUUID()}`;
    expect((await call(gateway, direct)).status).toBe(200);
    expect((await call(proxiedGateway, proxied)).status).toBe(200);
    const loggedAddress = (correlationId: string) => {
      const line = ideas
        .logs()
        .split('\n')
        .find((candidate) => candidate.includes(`"id":"${correlationId}"`) && candidate.includes('request completed'));
      if (!line) throw new Error(`no access-log line for ${correlationId} yet`);
      return JSON.parse(line).req.remoteAddress;
    };
    expect(await eventually(() => loggedAddress(direct))).toBe('127.0.0.1');
    expect(await eventually(() => loggedAddress(proxied))).toBe('10.6.6.6');
  });
});

describe('a problem’s instance, through the gateway', () => {
  const user = apiClient(gateway, { tokens: idpTokens }).as('instance-user');
  const get = (path: string) => user.get(path);

  it('is the path the caller used for a domain error', async () => {
    const path = `/api/v1/ideas/${randomUUID()}`;
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ type: 'https://ikm.example.org/problems/idea-not-found', instance: path });
  });

  it('is the path the caller used for invalid input', async () => {
    const response = await user.post('/api/v1/ideas', { title: '' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: 'https://ikm.example.org/problems/validation', instance: '/api/v1/ideas' });
    const query = await get('/api/v1/metrics/funnel?challengeId=not-a-uuid');
    expect(query.status).toBe(400);
    expect(query.body).toMatchObject({ type: 'https://ikm.example.org/problems/validation', instance: '/api/v1/metrics/funnel?challengeId=not-a-uuid' });
  });

  it('is the path the caller used for a route that does not exist', async () => {
    const path = `/api/v1/ideas/${randomUUID()}/no-such-thing`;
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ type: 'https://ikm.example.org/problems/not-found', instance: path });
  });

  it('stays the service’s own path when the service is called directly', async () => {
    const path = `/ideas/${randomUUID()}`;
    const response = await apiClient(ideas, { tokens: idpTokens }).as('instance-user').get(path);
    expect(response.body.instance).toBe(path);
  });
});

describe('requests refused before any route runs, a problem on the gateway and every service', () => {
  const targets = () => [
    { name: 'gateway', process: gateway, path: '/api/v1/ideas' },
    { name: 'ideas', process: ideas, path: '/ideas' },
    { name: 'metrics', process: metrics, path: '/metrics/funnel' },
  ];

  it.each(['gateway', 'ideas', 'metrics'])('%s: header fields too large are a 431', async (name) => {
    const target = targets().find((candidate) => candidate.name === name)!;
    const [response] = await rawExchange(target.process.service.port, `GET ${target.path} HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expectProblem(response, 431, 'request-header-fields-too-large', /header fields are too large/);
  });

  it.each(['gateway', 'ideas', 'metrics'])('%s: a URL too long is a 414', async (name) => {
    const target = targets().find((candidate) => candidate.name === name)!;
    const [response] = await rawExchange(target.process.service.port, `GET ${target.path}?q=${'a'.repeat(20_000)} HTTP/1.1\r\nhost: x\r\n\r\n`);
    expectProblem(response, 414, 'uri-too-long', /URL is too long/);
  });

  it('a path segment too long is a 414, from the gateway’s router or the service’s', async () => {
    const segment = 'x'.repeat(150);
    expectProblem(await request(gateway.baseUrl).get(`/api/v1/${segment}`), 414, 'uri-too-long', /path segment is longer than 100 characters/);
    // Signed in, so that the per-IP limit the tests above used up does not answer first.
    const throughGateway = await apiClient(gateway, { tokens: idpTokens }).as('segment-user').get(`/api/v1/ideas/${segment}`);
    expectProblem(throughGateway, 414, 'uri-too-long', /path segment is longer than 100 characters/);
    expect(throughGateway.body.instance).toBe(`/api/v1/ideas/${segment}`);
    expectProblem(await request(ideas.baseUrl).get(`/ideas/${segment}`), 414, 'uri-too-long', /path segment/);
  });

  it('a malformed percent-encoding in a path parameter is a 400', async () => {
    expectProblem(await request(gateway.baseUrl).get('/api/v1/%E0%A4%A'), 400, 'bad-request', /not a valid URL/);
    expectProblem(await request(ideas.baseUrl).get('/ideas/%E0%A4%A'), 400, 'bad-request', /not a valid URL/);
  });
});

describe('shutdown', () => {
  it('answers a request arriving while the gateway shuts down with a 503 problem, after finishing the one in hand', async () => {
    const held: ServerResponse[] = [];
    const holdingService: Server = createServer((_request, response) => held.push(response));
    await new Promise<void>((resolve) => holdingService.listen(HOLDING_SERVICE_PORT, '127.0.0.1', resolve));
    const closing = new ServiceProcess(
      { name: 'gateway', port: CLOSING_GATEWAY_PORT, databaseUrl: '' },
      { ...idp.serviceEnv(), GATEWAY_UPSTREAMS: `held=http://127.0.0.1:${HOLDING_SERVICE_PORT}`, GATEWAY_UPSTREAM_TIMEOUT_MS: '60000' },
    );
    try {
      await closing.start();
      const token = await idp.token('shutdown-user', ['staff']);
      const requestHead = (path: string) => `GET ${path} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${token}\r\n\r\n`;
      // A keep-alive connection with a request in hand, so that the closing server keeps it open.
      const socket = connect(CLOSING_GATEWAY_PORT, '127.0.0.1');
      let received = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (received += chunk));
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.write(requestHead('/api/v1/held/first'));
      await eventually(() => expect(held).toHaveLength(1));

      const exited = closing.stop();
      // Once it refuses new connections, the server is closing.
      await eventually(
        () =>
          new Promise<void>((resolve, reject) => {
            const probe = connect(CLOSING_GATEWAY_PORT, '127.0.0.1');
            probe.on('connect', () => (probe.destroy(), reject(new Error('still accepting connections'))));
            probe.on('error', () => resolve());
          }),
      );
      socket.write(requestHead('/api/v1/held/second'));
      // Node answers pipelined requests in order: the second's answer waits for the first's. The
      // pause lets the gateway read the second request while the first is still in hand.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      held[0].writeHead(200, { 'content-type': 'application/json', 'content-length': '2' }).end('{}');
      await closed;
      await exited;

      const [first, second, ...others] = parseResponses(received);
      expect(first.status).toBe(200);
      expect(held).toHaveLength(1);
      expectProblem(second, 503, 'service-unavailable', /shutting down/);
      expect(second.headers).toMatchObject({ connection: 'close', 'retry-after': '1' });
      expect(JSON.parse(second.body).instance).toBe('/api/v1/held/second');
      expect(others).toEqual([]);
    } finally {
      await closing.stop();
      holdingService.closeAllConnections();
      await new Promise((resolve) => holdingService.close(resolve));
    }
  });
});
