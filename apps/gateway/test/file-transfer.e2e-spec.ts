import { jest } from '@jest/globals';
import { apiClient, ServiceProcess, TEST_SERVICES, TestIdentityProvider, testPort, type TokenSource } from '#ikm/testing';
import { createHash, randomBytes } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import pg from 'pg';

/**
 * Files through the gateway, as a front end uploads and downloads them: raw bodies stream on to the
 * service up to the file limit, while JSON bodies keep the small one.
 */
const MiB = 1024 * 1024;
/** The service's FILE_MAX_BYTES; the gateway's file limit is above it, so each limit is seen at work. */
const SERVICE_FILE_LIMIT = 8 * MiB;
const GATEWAY_FILE_LIMIT = 12 * MiB;
const JSON_LIMIT = 2048;

const idp = new TestIdentityProvider(testPort(13040));
const knowledgeAssets = new ServiceProcess(TEST_SERVICES['knowledge-assets'], { ...idp.serviceEnv(), FILE_MAX_BYTES: String(SERVICE_FILE_LIMIT) });
const gateway = new ServiceProcess(
  { name: 'gateway', port: testPort(13041), databaseUrl: '' },
  {
    ...idp.serviceEnv(),
    GATEWAY_UPSTREAMS: `knowledge-assets=${knowledgeAssets.baseUrl}`,
    GATEWAY_BODY_LIMIT_BYTES: String(JSON_LIMIT),
    GATEWAY_FILE_BODY_LIMIT_BYTES: String(GATEWAY_FILE_LIMIT),
  },
);
const db = new pg.Pool({ connectionString: TEST_SERVICES['knowledge-assets'].databaseUrl, max: 1 });
const idpTokens: TokenSource = (user, roles) => idp.token(user, roles);
const assets = apiClient(gateway, { prefix: '/api/v1/knowledge-assets/assets', tokens: idpTokens }).as('fay', ['staff']);

/** A PDF of `size` bytes: its signature, then random bytes. */
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const blobCount = async () => Number((await db.query('SELECT count(*) FROM file_blobs')).rows[0].count);
const PROBLEM = /^application\/problem\+json/;

async function draft(): Promise<string> {
  const body = { type: 'toolkit', title: { en: 'Gateway files' }, publishingUnit: 'FILES', creators: [{ name: 'Fay', staffId: 'fay' }], dateIssued: '2026-01-01', languages: ['en'] };
  const response = await assets.post('', body);
  expect(response.status).toBe(201);
  return response.body.id as string;
}

/** A PUT whose body the test writes piece by piece; resolves with the answer as soon as one comes. */
async function putInPieces(path: string, headers: Record<string, string | number>, pieces: Buffer[]): Promise<{ status: number; type?: string; body: string }> {
  const token = await idp.token('fay', ['staff']);
  return new Promise((resolve, reject) => {
    const put = http.request(`${gateway.baseUrl}/api/v1/knowledge-assets/assets${path}`, {
      method: 'PUT',
      // A connection of its own: one the global agent kept after a refused body is not reusable.
      agent: false,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', ...headers },
    });
    put.on('response', (answer: IncomingMessage) => {
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => (text += chunk));
      answer.on('end', () => {
        resolve({ status: answer.statusCode ?? 0, type: answer.headers['content-type'], body: text });
        put.destroy();
      });
    });
    // The server may close the connection once it has answered, before every piece is written.
    put.on('error', (error: NodeJS.ErrnoException) => (['ECONNRESET', 'EPIPE'].includes(error.code ?? '') ? undefined : reject(error)));
    const writeNext = () => {
      const piece = pieces.shift();
      if (!piece) return put.end();
      if (put.destroyed) return;
      put.write(piece, writeNext);
    };
    writeNext();
  });
}

beforeAll(async () => {
  await idp.start();
  await knowledgeAssets.start();
  await gateway.start();
}, 60_000);

afterAll(async () => {
  await Promise.all([gateway.stop(), knowledgeAssets.stop()]);
  await idp.stop();
  await db.end();
});

// A refused upload the gateway never answered would otherwise wait out the default three minutes.
jest.setTimeout(30_000);

describe('files through the gateway', () => {
  it('uploads and downloads a file of several megabytes unchanged', async () => {
    const id = await draft();
    const bytes = pdf(7 * MiB + 3);
    const path = `/${id}/versions/1/files/report.pdf`;
    const put = await assets.put(path).set('content-type', 'application/pdf').send(bytes);
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({ size: bytes.length, checksum: `sha256:${sha256(bytes)}` });

    const got = await assets.get(path).buffer(true).parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    expect(got.status).toBe(200);
    expect(got.headers['content-length']).toBe(String(bytes.length));
    expect(sha256(got.body as Buffer)).toBe(sha256(bytes));
  });

  it('refuses an upload announced over the gateway’s file limit with a 413 problem, before the body is sent', async () => {
    const id = await draft();
    const answer = await putInPieces(`/${id}/versions/1/files/huge.pdf`, { 'content-length': GATEWAY_FILE_LIMIT + 1 }, [pdf(64 * 1024)]);
    expect(answer).toMatchObject({ status: 413, type: expect.stringMatching(PROBLEM) });
    expect(JSON.parse(answer.body).detail).toMatch(`${GATEWAY_FILE_LIMIT} bytes`);
  });

  it('passes on the service’s 413 problem for an upload over its own limit, announced or not, storing nothing', async () => {
    const id = await draft();
    const before = await blobCount();
    const announced = await putInPieces(`/${id}/versions/1/files/big.pdf`, { 'content-length': SERVICE_FILE_LIMIT + 1 }, [pdf(64 * 1024)]);
    expect(announced).toMatchObject({ status: 413, type: expect.stringMatching(PROBLEM) });
    const pieces = [pdf(MiB), ...Array.from({ length: 9 }, () => randomBytes(MiB))];
    const chunked = await putInPieces(`/${id}/versions/1/files/big.pdf`, { 'transfer-encoding': 'chunked' }, pieces);
    expect(chunked).toMatchObject({ status: 413, type: expect.stringMatching(PROBLEM) });
    expect(JSON.parse(chunked.body).detail).toMatch(`${SERVICE_FILE_LIMIT}`);
    expect(await blobCount()).toBe(before);
    expect((await assets.get(`/${id}/versions/1`)).body.uploadedFiles).toEqual([]);
  });

  it('keeps the small limit on JSON bodies', async () => {
    const response = await assets.post('', { type: 'toolkit', title: { en: 'x'.repeat(JSON_LIMIT) } });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    const disguised = await putInPieces(`/${await draft()}/versions/1/files/a.json`, { 'content-type': 'application/merge-patch+json', 'content-length': JSON_LIMIT + 1 }, [Buffer.alloc(JSON_LIMIT + 1, 0x20)]);
    expect(disguised.status).toBe(413);
  });
});

describe('a client that goes away mid-upload', () => {
  /** Sends the head and `sent` bytes of an announced `size`-byte upload through the gateway, then breaks the connection. */
  const abandon = async (path: string, size: number, sent: number) => {
    const token = await idp.token('fay', ['staff']);
    await new Promise<void>((resolve) => {
      const put = http.request(`${gateway.baseUrl}/api/v1/knowledge-assets/assets${path}`, {
        method: 'PUT',
        agent: false,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'content-length': size },
      });
      put.on('error', () => resolve());
      put.on('close', () => resolve());
      put.write(pdf(sent), () => setTimeout(() => put.destroy(), 100));
    });
  };
  const openTransactions = async () =>
    Number((await db.query(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`)).rows[0].count);

  it('abandons the upload at the service too: nothing stored, no transaction left open, no error logged, however often', async () => {
    const id = await draft();
    const before = await blobCount();
    const logged = knowledgeAssets.logs().length;
    // More than the service's database connections: an upload left waiting for the rest of its body holds one each.
    for (let attempt = 0; attempt < 12; attempt++) await abandon(`/${id}/versions/1/files/gone.pdf`, 3 * MiB, MiB);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await openTransactions()).toBe(0);
    expect(await blobCount()).toBe(before);
    const after = await assets.put(`/${id}/versions/1/files/after.pdf`).set('content-type', 'application/pdf').send(pdf(1000));
    expect(after.status).toBe(201);
    expect((await assets.get(`/${id}/versions/1`)).body.uploadedFiles).toEqual([expect.objectContaining({ name: 'after.pdf' })]);
    const errors = knowledgeAssets.logs().slice(logged).split('\n').filter((line) => line.includes('"level":50') && !line.includes('kafkajs'));
    expect(errors).toEqual([]);
  });
});
