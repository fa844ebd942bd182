import { Controller, Get, Module, Patch, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiOkResponse, DocumentBuilder, SwaggerModule, type OpenAPIObject, type ParameterObject, type ResponseObject } from '@nestjs/swagger';
import { pino } from 'pino';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { documentEtags, IfMatchVersion, RespondsWithEtag } from './versioned-resource.js';

/** What the handlers were given, so a test can see the version `@IfMatchVersion()` read. */
const seen: Array<number | undefined> = [];

@Controller('things')
class ThingController {
  @Get(':id')
  @RespondsWithEtag({ notModified: true })
  @ApiOkResponse({ description: 'The thing.' })
  get() {
    return { id: 'a', version: 3 };
  }

  @Patch(':id')
  @RespondsWithEtag()
  @ApiOkResponse({ description: 'The changed thing.' })
  update(@IfMatchVersion() expectedVersion: number | undefined) {
    seen.push(expectedVersion);
    return { id: 'a', version: 4 };
  }

  @Post()
  @RespondsWithEtag({ versionOf: (body: { revision: { number: number } }) => body.revision.number })
  @ApiCreatedResponse({ description: 'The new thing.' })
  create() {
    return { revision: { number: 1 } };
  }

  @Get()
  list() {
    return [];
  }

  @Get(':id/phase')
  @RespondsWithEtag()
  @ApiOkResponse({ description: 'Changes with the clock, not only with the version.' })
  phase() {
    return { version: 3, phase: 'open' };
  }
}

@Module({ controllers: [ThingController] })
class ThingModule {}

let app: NestFastifyApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  app = await NestFactory.create<NestFastifyApplication>(ThingModule, new FastifyAdapter(), { logger: false });
  app.useGlobalFilters(new ProblemDetailsFilter(pino({ level: 'silent' })));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  document = documentEtags(SwaggerModule.createDocument(app as INestApplication, new DocumentBuilder().build()));
});

afterAll(async () => {
  await app.close();
});

function request(method: 'GET' | 'PATCH' | 'POST', url: string, headers: Record<string, string> = {}) {
  return app.getHttpAdapter().getInstance().inject({ method, url, headers });
}

describe('@RespondsWithEtag()', () => {
  it('sets the ETag from the returned version, or from what the declared accessor reads', async () => {
    const got = await request('GET', '/things/a');
    expect([got.statusCode, got.headers.etag, got.json()]).toEqual([200, '"3"', { id: 'a', version: 3 }]);
    const created = await request('POST', '/things');
    expect([created.statusCode, created.headers.etag]).toEqual([201, '"1"']);
  });

  it('answers a GET whose If-None-Match names the current version with a 304 and no body, where asked to', async () => {
    for (const ifNoneMatch of ['"3"', 'W/"3"', '"2", "3"', '*']) {
      const got = await request('GET', '/things/a', { 'if-none-match': ifNoneMatch });
      expect([ifNoneMatch, got.statusCode, got.headers.etag, got.body]).toEqual([ifNoneMatch, 304, '"3"', '']);
    }
  });

  it('gives the resource when If-None-Match names another version, and never a 304 to a write', async () => {
    const stale = await request('GET', '/things/a', { 'if-none-match': '"2"' });
    expect([stale.statusCode, stale.json()]).toEqual([200, { id: 'a', version: 3 }]);
    const write = await request('PATCH', '/things/a', { 'if-none-match': '*' });
    expect(write.statusCode).toBe(200);
  });

  it('answers in full, with the ETag, where the version does not say the answer is unchanged, and documents no 304 there', async () => {
    const got = await request('GET', '/things/a/phase', { 'if-none-match': '"3"' });
    expect([got.statusCode, got.headers.etag, got.json()]).toEqual([200, '"3"', { version: 3, phase: 'open' }]);
    const operation = document.paths['/things/{id}/phase'].get!;
    expect([operation.responses['304'], operation.parameters?.some((parameter) => (parameter as ParameterObject).name === 'If-None-Match')]).toEqual([undefined, false]);
    expect(operation.responses['200']).toMatchObject({ headers: { ETag: expect.anything() } });
  });

  it('documents the ETag of the success response, and If-None-Match and the 304 on a GET', () => {
    const get = document.paths['/things/{id}'].get!;
    expect(get.responses['200']).toMatchObject({ description: 'The thing.', headers: { ETag: { schema: { type: 'string', example: '"3"' } } } });
    expect(get.responses['304']).toMatchObject({ headers: { ETag: expect.anything() } });
    expect(get.parameters).toContainEqual(expect.objectContaining({ name: 'If-None-Match', in: 'header', required: false }));
    expect(document.paths['/things'].post!.responses['201']).toMatchObject({ headers: { ETag: expect.anything() } });
    expect(document.paths['/things/{id}'].patch!.responses['304']).toBeUndefined();
    expect(JSON.stringify(document)).not.toContain('x-etag');
  });

  it('leaves operations without it alone', () => {
    const list = document.paths['/things'].get!;
    expect([(list.responses['200'] as ResponseObject).headers, list.responses['304'], list.parameters]).toEqual([undefined, undefined, []]);
  });
});

describe('@IfMatchVersion()', () => {
  it('gives the handler the version If-Match expects, or undefined without one', async () => {
    seen.length = 0;
    await request('PATCH', '/things/a', { 'if-match': '"7"' });
    await request('PATCH', '/things/a', { 'if-match': 'W/"8"' });
    await request('PATCH', '/things/a');
    expect(seen).toEqual([7, 8, undefined]);
  });

  it('refuses a malformed If-Match with a 400 naming it, before the handler runs', async () => {
    seen.length = 0;
    const refused = await request('PATCH', '/things/a', { 'if-match': 'yesterday' });
    expect([refused.statusCode, refused.json().errors]).toEqual([400, [{ field: 'If-Match', reason: 'must be an ETag this API returned, e.g. "3"' }]]);
    expect(seen).toEqual([]);
  });

  it('documents the optional If-Match header and the 412 of the operation that reads it', () => {
    const patch = document.paths['/things/{id}'].patch!;
    expect(patch.parameters as ParameterObject[]).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header', required: false, schema: expect.objectContaining({ example: '"3"' }) }));
    expect(patch.responses['412']).toEqual({ description: 'If-Match does not match the current version.' });
    expect(patch.responses['200']).toMatchObject({ description: 'The changed thing.' });
    expect(document.paths['/things/{id}'].get!.responses['412']).toBeUndefined();
  });
});
