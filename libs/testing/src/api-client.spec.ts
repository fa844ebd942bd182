import { decodeJwt } from 'jose';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiClient } from './api-client.js';

/** A server that answers every request with what it received. */
let server: Server;
let baseUrl: string;

interface Echo {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const echo: Echo = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(echo));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const bearerClaims = (echo: Echo) => decodeJwt(String(echo.headers.authorization).replace(/^Bearer /, ''));

it('sends the persona’s token, the prefix before the path, and the body as JSON', async () => {
  const api = apiClient({ baseUrl }, { prefix: '/api/v1/ideas' });
  const echo = (await api.as('alice', ['staff', 'reviewer']).post('/x/submit', { to: 'in_review' })).body as Echo;
  expect(echo).toMatchObject({ method: 'POST', url: '/api/v1/ideas/x/submit', body: '{"to":"in_review"}' });
  expect(echo.headers['content-type']).toMatch(/^application\/json/);
  expect(bearerClaims(echo)).toMatchObject({ sub: 'alice', roles: ['staff', 'reviewer'] });
});

it('calls as staff when no roles are given, and as nobody when anonymous', async () => {
  const api = apiClient(baseUrl);
  expect(bearerClaims((await api.as('bob').get('/ideas')).body)).toMatchObject({ sub: 'bob', roles: ['staff'] });
  expect(((await api.anonymous.get('/ideas')).body as Echo).headers.authorization).toBeUndefined();
});

it('lets the caller chain headers, a query and expectations, and its own Authorization wins', async () => {
  const api = apiClient(baseUrl, { prefix: '/ideas' });
  const response = await api
    .as('alice')
    .patch('/1', { title: 'New' })
    .set('if-match', '"3"')
    .set('idempotency-key', 'k1')
    .set('authorization', 'Bearer forged')
    .query({ limit: 2 })
    .expect(200);
  const echo = response.body as Echo;
  expect(echo).toMatchObject({ method: 'PATCH', url: '/ideas/1?limit=2', body: '{"title":"New"}' });
  expect(echo.headers).toMatchObject({ 'if-match': '"3"', 'idempotency-key': 'k1', authorization: 'Bearer forged' });
});

it('signs once per user and roles, with the token source it is given', async () => {
  const signed: string[] = [];
  const api = apiClient(baseUrl, {
    tokens: async (user, roles) => {
      signed.push(`${user}:${roles.join(',')}`);
      return `token-of-${user}`;
    },
  });
  await Promise.all([api.as('ada', ['ikmu_admin']).get('/'), api.as('ada', ['ikmu_admin']).get('/'), api.as('ada').get('/')]);
  const echo = (await api.as('ada', ['ikmu_admin']).get('/')).body as Echo;
  expect(echo.headers.authorization).toBe('Bearer token-of-ada');
  expect(signed).toEqual(['ada:ikmu_admin', 'ada:staff']);
  expect(await api.token('ada', ['ikmu_admin'])).toBe('token-of-ada');
});

it('carries claims beyond roles (a unit, a region) and signs once per user, roles and claims', async () => {
  const api = apiClient(baseUrl);
  const officer = bearerClaims((await api.as('kim', ['km_officer'], { unit: 'EMPLAB', region: 'africa' }).get('/')).body);
  expect(officer).toMatchObject({ sub: 'kim', roles: ['km_officer'], unit: 'EMPLAB', region: 'africa' });
  expect(bearerClaims((await api.as('kim', ['km_officer']).get('/')).body).unit).toBeUndefined();

  const signed: string[] = [];
  const counting = apiClient(baseUrl, {
    tokens: async (user, roles, claims) => {
      signed.push(`${user}:${roles.join(',')}:${JSON.stringify(claims)}`);
      return `token-${signed.length}`;
    },
  });
  await counting.as('kim', ['km_officer'], { unit: 'EMPLAB', region: 'africa' }).get('/');
  await counting.as('kim', ['km_officer'], { region: 'africa', unit: 'EMPLAB' }).get('/');
  await counting.as('kim', ['km_officer'], { unit: 'STATISTICS' }).get('/');
  await counting.as('kim', ['km_officer']).get('/');
  expect(signed).toEqual([
    'kim:km_officer:{"unit":"EMPLAB","region":"africa"}',
    'kim:km_officer:{"unit":"STATISTICS"}',
    'kim:km_officer:{}',
  ]);
});

it('fails the request when the token cannot be signed', async () => {
  const api = apiClient(baseUrl, { tokens: () => Promise.reject(new Error('no key')) });
  await expect(api.as('eve').get('/')).rejects.toThrow('no key');
});

it('reads the base URL of its target at each call (a service process started later)', async () => {
  const target = { baseUrl: 'http://127.0.0.1:1' };
  const api = apiClient(target);
  target.baseUrl = baseUrl;
  expect((await api.anonymous.get('/late')).status).toBe(200);
});
