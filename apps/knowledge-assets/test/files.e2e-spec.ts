import type { Role } from '#ikm/auth';
import { apiClient, outboxEvents, ServiceProcess, TEST_SERVICES, type PersonaClaims, type PersonaClient } from '#ikm/testing';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import pg from 'pg';
import type request from 'supertest';
import { assetDraft, draftAsset, transitionAsset } from './factories.js';

/** Files uploaded to asset versions, through the service's HTTP API, against the real PostgreSQL. */
const MAX_BYTES = 4 * 1024 * 1024;
const service = new ServiceProcess(TEST_SERVICES['knowledge-assets'], { FILE_MAX_BYTES: String(MAX_BYTES) });
const db = new pg.Pool({ connectionString: TEST_SERVICES['knowledge-assets'].databaseUrl, max: 2 });
const assetsApi = apiClient(service, { prefix: '/knowledge-assets/assets' });

const UNIT = `FILES-${randomUUID().slice(0, 8)}`;
const OTHER_UNIT = `OTHER-${randomUUID().slice(0, 8)}`;
const PEOPLE = {
  creator: { sub: 'cleo', roles: ['staff'], unit: OTHER_UNIT },
  unitOfficer: { sub: 'kim', roles: ['km_officer'], unit: UNIT },
  otherStaff: { sub: 'sam', roles: ['staff'], unit: OTHER_UNIT },
  unitStaff: { sub: 'uma', roles: ['staff'], unit: UNIT },
  constituent: { sub: 'con', roles: ['constituent'], unit: UNIT },
} satisfies Record<string, PersonaClaims & { sub: string; roles: Role[] }>;
type Who = keyof typeof PEOPLE;
const as = (who: Who): PersonaClient => {
  const { sub, roles, ...claims } = PEOPLE[who];
  return assetsApi.as(sub, roles as Role[], claims);
};

/** A PDF of `size` bytes: its signature, then random bytes (nothing compresses them). */
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();
const contentDigest = (bytes: Buffer) => `sha-256=:${sha256(bytes).toString('base64')}:`;

const upload = (who: Who, path: string, bytes: Buffer, type = 'application/pdf') => as(who).put(path).set('content-type', type).send(bytes);
/** The response body as bytes, whatever its type. */
const download = (who: Who, path: string) => as(who).get(path).buffer(true).parse((response, callback) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
});

const created = (extra: object = {}) => draftAsset(as('creator'), assetDraft(UNIT, extra));
const blobCount = async () => Number((await db.query('SELECT count(*) FROM file_blobs')).rows[0].count);
const filesOf = async (id: string) => (await as('creator').get(`/${id}/versions/1`)).body.uploadedFiles;

beforeAll(async () => {
  await service.start();
}, 60_000);

afterAll(async () => {
  await service.stop();
  await db.end();
});

describe('uploading and downloading a file', () => {
  it('streams a few megabytes in and out unchanged, with its checksum, type, length and name, and lists it with the version and in the event', async () => {
    const id = await created();
    const bytes = pdf(3 * 1024 * 1024 + 17);
    const path = `/${id}/versions/1/files/${encodeURIComponent('Rapport annuel 2026.pdf')}`;

    const put: request.Response = await upload('creator', path, bytes).set('content-digest', contentDigest(bytes));
    expect(put.status).toBe(201);
    const checksum = `sha256:${sha256(bytes).toString('hex')}`;
    expect(put.body).toMatchObject({ name: 'Rapport annuel 2026.pdf', size: bytes.length, mediaType: 'application/pdf', checksum, revision: 2 });
    expect(put.headers.etag).toBe('"2"');

    const got = await download('unitOfficer', path);
    expect(got.status).toBe(200);
    expect(sha256(got.body as Buffer).equals(sha256(bytes))).toBe(true);
    expect(got.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      etag: `"sha256-${sha256(bytes).toString('hex')}"`,
      'content-disposition': 'attachment; filename="Rapport annuel 2026.pdf"',
      'accept-ranges': 'bytes',
    });

    const range = await download('creator', path).set('range', 'bytes=262140-262150');
    expect(range.status).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 262140-262150/${bytes.length}`);
    expect((range.body as Buffer).equals(bytes.subarray(262140, 262151))).toBe(true);

    expect(await filesOf(id)).toEqual([{ name: 'Rapport annuel 2026.pdf', size: bytes.length, mediaType: 'application/pdf', checksum, url: `/knowledge-assets/assets/${id}${path.slice(id.length + 1)}` }]);
    const [event] = await outboxEvents(db, { aggregateId: id, type: 'ikm.knowledge-assets.asset.draft-updated.v1' });
    expect(event.payload).toMatchObject({ version: 2, changes: { uploadedFiles: [{ name: 'Rapport annuel 2026.pdf', size: bytes.length, mediaType: 'application/pdf', checksum }] } });
  });

  it('refuses a body announced over the limit with a 413 before reading it, and stores nothing', async () => {
    const id = await created();
    const before = await blobCount();
    const token = await assetsApi.token('cleo', ['staff'], { unit: OTHER_UNIT });
    // Only the first bytes are sent: the answer comes before the rest would be.
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const put = http.request(assetsApi.url(`/${id}/versions/1/files/big.pdf`), {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'content-length': MAX_BYTES + 1 },
      });
      put.on('response', (answer) => {
        resolve(answer);
        put.destroy();
      });
      put.on('error', reject);
      put.write(pdf(64 * 1024));
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(await blobCount()).toBe(before);
    expect(await filesOf(id)).toEqual([]);
  });

  it('refuses a body that grows past the limit without announcing its length (chunked), storing nothing', async () => {
    const id = await created();
    const before = await blobCount();
    const token = await assetsApi.token('cleo', ['staff'], { unit: OTHER_UNIT });
    const chunks = [pdf(1024 * 1024), ...Array.from({ length: 4 }, () => randomBytes(1024 * 1024))];
    const response = await fetch(assetsApi.url(`/${id}/versions/1/files/chunked.pdf`), {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      body: new ReadableStream({ pull: (controller) => (chunks.length ? controller.enqueue(chunks.shift()!) : controller.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: expect.stringMatching(/file-too-large$/) });
    expect(await blobCount()).toBe(before);
    expect(await filesOf(id)).toEqual([]);
  });

  it('refuses bytes whose SHA-256 is not the announced one, naming where it was announced, storing nothing', async () => {
    const id = await created();
    const before = await blobCount();
    const bytes = pdf(100_000);
    const response = await upload('creator', `/${id}/versions/1/files/a.pdf`, bytes).set('content-digest', contentDigest(pdf(10)));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: [{ field: 'Content-Digest' }] });
    const byQuery = await upload('creator', `/${id}/versions/1/files/a.pdf?sha256=${'0'.repeat(64)}`, bytes);
    expect(byQuery.status).toBe(400);
    expect(byQuery.body).toMatchObject({ errors: [{ field: 'sha256' }] });
    expect(await blobCount()).toBe(before);
    expect((await upload('creator', `/${id}/versions/1/files/a.pdf?sha256=${sha256(bytes).toString('hex')}`, bytes)).status).toBe(201);
  });

  it('refuses a media type the bytes contradict, or one not accepted, with a 415 problem naming Content-Type', async () => {
    const id = await created();
    const lie = await upload('creator', `/${id}/versions/1/files/photo.pdf`, PNG, 'application/pdf');
    expect(lie.status).toBe(415);
    expect(lie.body).toMatchObject({ errors: [{ field: 'Content-Type' }] });
    expect((await upload('creator', `/${id}/versions/1/files/page.html`, Buffer.from('<html></html>'), 'text/html')).status).toBe(415);
    const sniffed = await upload('creator', `/${id}/versions/1/files/photo`, PNG, 'application/octet-stream');
    expect(sniffed.status).toBe(201);
    expect(sniffed.body.mediaType).toBe('image/png');
  });

  it('lets only owners upload, and refuses uploads to a version that is not a draft with a 409', async () => {
    const id = await created();
    expect((await upload('otherStaff', `/${id}/versions/1/files/a.pdf`, pdf(1000))).status).toBe(404);
    expect((await upload('unitStaff', `/${id}/versions/1/files/a.pdf`, pdf(1000))).status).toBe(404);
    await transitionAsset(as('creator'), id, 'in_review');
    await transitionAsset(as('unitOfficer'), id, 'published');
    const refused = await upload('creator', `/${id}/versions/1/files/a.pdf`, pdf(1000));
    expect(refused.status).toBe(409);
    expect(refused.body.code ?? refused.body.type).toMatch(/not-editable|NOT_EDITABLE/);
    expect((await as('creator').delete(`/${id}/versions/1/files/a.pdf`)).status).toBe(409);
  });
});

describe('versions and files', () => {
  it('gives a new version its predecessor’s files without copying bytes; deleting one from the draft leaves the published version whole', async () => {
    const id = await created();
    const bytes = pdf(300_000);
    expect((await upload('creator', `/${id}/versions/1/files/report.pdf`, bytes)).status).toBe(201);
    await transitionAsset(as('creator'), id, 'in_review');
    await transitionAsset(as('unitOfficer'), id, 'published');
    const blobs = await blobCount();
    const next = await as('creator').post(`/${id}/versions`);
    expect(next.status).toBe(201);
    expect(next.body.uploadedFiles).toEqual([expect.objectContaining({ name: 'report.pdf', checksum: `sha256:${sha256(bytes).toString('hex')}` })]);
    expect(await blobCount()).toBe(blobs);

    const deleted = await as('creator').delete(`/${id}/versions/2/files/report.pdf`).set('if-match', `"${next.body.revision}"`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ revision: next.body.revision + 1, files: [] });
    expect((await download('constituent', `/${id}/versions/2/files/report.pdf`)).status).toBe(404);
    const published = await download('constituent', `/${id}/versions/1/files/report.pdf`);
    expect(published.status).toBe(200);
    expect((published.body as Buffer).equals(bytes)).toBe(true);
    expect(await blobCount()).toBe(blobs);
  });
});

/**
 * Downloads follow the version's visibility exactly: whoever may not see its record gets a 404; whoever
 * sees the record of an embargoed version they are not exempt from gets a 403 problem with the date,
 * for any file name (no name is confirmed before the date).
 */
describe('access: viewer x access level x embargo, on downloads', () => {
  const CASES = {
    internal: { accessLevel: 'internal' },
    restrictedToTheUnit: { accessLevel: 'restricted', restrictedToUnits: [UNIT] },
    publicEmbargoed: { accessLevel: 'public', embargoUntil: '2999-01-01' },
    internalEmbargoed: { accessLevel: 'internal', embargoUntil: '2999-01-01' },
    public: { accessLevel: 'public' },
  } as const;
  type Case = keyof typeof CASES;
  type Outcome = 200 | 403 | 404;
  const ids = {} as Record<Case, string>;
  const GETS: Record<Who, Record<Case, Outcome>> = {
    creator: { internal: 200, restrictedToTheUnit: 200, publicEmbargoed: 200, internalEmbargoed: 200, public: 200 },
    unitOfficer: { internal: 200, restrictedToTheUnit: 200, publicEmbargoed: 200, internalEmbargoed: 200, public: 200 },
    unitStaff: { internal: 200, restrictedToTheUnit: 200, publicEmbargoed: 403, internalEmbargoed: 403, public: 200 },
    otherStaff: { internal: 200, restrictedToTheUnit: 404, publicEmbargoed: 403, internalEmbargoed: 403, public: 200 },
    constituent: { internal: 404, restrictedToTheUnit: 404, publicEmbargoed: 403, internalEmbargoed: 404, public: 200 },
  };

  beforeAll(async () => {
    for (const [name, access] of Object.entries(CASES) as Array<[Case, object]>) {
      const id = await created(access);
      expect((await upload('creator', `/${id}/versions/1/files/a.pdf`, pdf(2000))).status).toBe(201);
      await transitionAsset(as('creator'), id, 'in_review');
      await transitionAsset(as('unitOfficer'), id, 'published');
      ids[name] = id;
    }
  });

  it.each(Object.keys(GETS) as Who[])('%s downloads exactly what they may', async (who) => {
    const statuses = Object.fromEntries(await Promise.all((Object.keys(CASES) as Case[]).map(async (name) => [name, (await download(who, `/${ids[name]}/versions/1/files/a.pdf`)).status] as const)));
    expect(statuses).toEqual(GETS[who]);
  });

  it('answers an embargoed file, named or not, with a 403 problem giving the date', async () => {
    for (const name of ['a.pdf', 'no-such-file.pdf']) {
      const response = await download('unitStaff', `/${ids.publicEmbargoed}/versions/1/files/${name}`);
      expect({ status: response.status, contentType: response.headers['content-type'], body: JSON.parse(String(response.body)) }).toMatchObject({
        status: 403,
        contentType: expect.stringContaining('application/problem+json'),
        body: { type: expect.stringMatching(/file-under-embargo$/), embargoUntil: '2999-01-01' },
      });
    }
  });
});
