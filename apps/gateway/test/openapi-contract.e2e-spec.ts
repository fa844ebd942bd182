import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { OpenAPIObject, OperationObject, ParameterObject, SchemaObject } from '@nestjs/swagger';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import type { Role } from '#ikm/auth';
import { eventually, ServiceProcess, TEST_SERVICES, tokenFor } from '#ikm/testing';
import { REPO_ROOT } from '../../../scripts/platform.js';

/**
 * The one OpenAPI document front ends use (the gateway's merge of every service's), checked as a front
 * end would use it: every error a problem, ids and integers typed, clean under a standard linter, and a
 * typed client generated from it that compiles and works.
 */
const ideas = new ServiceProcess(TEST_SERVICES.ideas);
const metrics = new ServiceProcess(TEST_SERVICES.metrics);
const knowledgeAssets = new ServiceProcess(TEST_SERVICES['knowledge-assets']);
const gateway = new ServiceProcess(TEST_SERVICES.gateway);

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const PROBLEM_CONTENT = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
const CLIENT_DIR = path.join(REPO_ROOT, '.run', `typed-client-${process.env.IKM_TEST_INSTANCE ?? 0}`);

let document: OpenAPIObject;

interface Operation {
  name: string;
  path: string;
  method: string;
  operation: OperationObject;
}

function operations(): Operation[] {
  return Object.entries(document.paths).flatMap(([route, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ name: `${method.toUpperCase()} ${route}`, path: route, method, operation: item[method] }] : [])),
  );
}

function schema(name: string): SchemaObject {
  return document.components!.schemas![name] as SchemaObject;
}

function property(schemaName: string, name: string): SchemaObject {
  return schema(schemaName).properties![name] as SchemaObject;
}

beforeAll(async () => {
  await Promise.all([ideas.start(), metrics.start(), knowledgeAssets.start()]);
  await gateway.start();
  document = await eventually(async () => {
    const response = await fetch(`${gateway.baseUrl}/docs-json`);
    const merged = (await response.json()) as OpenAPIObject & { 'x-unavailable-services'?: string[] };
    if (merged['x-unavailable-services']) throw new Error(`not merged yet: ${merged['x-unavailable-services'].join(', ')}`);
    return merged;
  });
});

afterAll(async () => {
  await Promise.all([gateway.stop(), ideas.stop(), metrics.stop(), knowledgeAssets.stop()]);
});

describe('error responses', () => {
  it('are problem details on every operation of every service, with the statuses that apply', () => {
    expect(operations().length).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const { name, path: route, operation } of operations()) {
      const expected = ['429', '500', '502', '503', '504'];
      // A public operation (`security: []`, the OAI-PMH provider's) asks for no token, so never answers 401.
      if (operation.security?.length !== 0) expected.push('401');
      if (operation.requestBody || operation.parameters?.length) expected.push('400');
      if (operation.requestBody) expected.push('413');
      if (route.includes('{')) expected.push('404');
      if ((operation as { 'x-required-roles'?: string[] })['x-required-roles']) expected.push('403');
      for (const status of expected) if (!operation.responses[status]) missing.push(`${name} ${status}`);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) expect({ name, status, content: (response as { content?: unknown }).content }).toEqual({ name, status, content: PROBLEM_CONTENT });
      }
    }
    expect(missing).toEqual([]);
  });

  it('keep what a service declared: 409 and 412 with their descriptions, and the roles a 403 needs', () => {
    const patch = document.paths['/api/v1/ideas/{id}'].patch!;
    expect(patch.responses['409']).toMatchObject({ description: 'Not a draft any more.', content: PROBLEM_CONTENT });
    expect(patch.responses['412']).toMatchObject({ description: 'If-Match does not match the current version.', content: PROBLEM_CONTENT });
    expect(document.paths['/api/v1/metrics/projections/rebuild'].post!.responses['403']).toMatchObject({ description: expect.stringContaining('Needs one of the roles: ikmu_admin.') });
  });

  it('leave out the token where none is needed: a service’s health probes, in its own document', async () => {
    const own = (await (await fetch(`${ideas.baseUrl}/docs-json`)).json()) as OpenAPIObject;
    expect(own.paths['/health/ready'].get).toMatchObject({ security: [] });
    expect(own.paths['/health/ready'].get!.responses['401']).toBeUndefined();
    expect(own.paths['/ideas'].post!.responses['401']).toBeDefined();
  });

  it('share one RFC 9457 schema', () => {
    expect(schema('ProblemDetails')).toMatchObject({
      required: ['type', 'title', 'status'],
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        instance: { type: 'string' },
        errors: { type: 'array', items: { $ref: '#/components/schemas/ProblemFieldError' } },
        errorId: { type: 'string', format: 'uuid' },
      },
    });
  });
});

describe('types', () => {
  it('every path parameter and every `id` property is a uuid, a version number a bounded integer, a file name a bounded string', () => {
    const parameters = operations().flatMap(({ name, operation }) =>
      ((operation.parameters ?? []) as ParameterObject[]).filter((parameter) => parameter.in === 'path').map((parameter) => ({ name, parameter: parameter.name, schema: parameter.schema })),
    );
    expect(parameters.length).toBeGreaterThan(20);
    const versionNumber = { type: 'integer', minimum: 1, maximum: 2147483647 };
    const fileName = { type: 'string', minLength: 1, maxLength: 255 };
    const expected = (parameter: string) => (parameter === 'number' ? versionNumber : parameter === 'name' ? fileName : { type: 'string', format: 'uuid' });
    for (const parameter of parameters) expect(parameter).toEqual({ ...parameter, schema: expected(parameter.parameter) });
    for (const [name, candidate] of Object.entries(document.components!.schemas!)) {
      const id = (candidate as SchemaObject).properties?.id as SchemaObject | undefined;
      if (id) expect({ name, format: id.format }).toEqual({ name, format: 'uuid' });
    }
    expect(property('CreateIdeaDto', 'knowledgeAssetIds').items).toEqual({ type: 'string', format: 'uuid' });
  });

  it('counts, versions and whole-number fields are integers, in bodies, queries and answers', () => {
    const limit = (document.paths['/api/v1/ideas'].get!.parameters as ParameterObject[]).find((parameter) => parameter.name === 'limit');
    expect(limit?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(property('RecordBenefitDto', 'beneficiaries').type).toBe('integer');
    expect(property('CriterionScoreDto', 'score').type).toBe('integer');
    expect(property('IdeaResponse', 'version').type).toBe('integer');
    expect(property('IdeaResponse', 'endorsementCount').type).toBe('integer');
    expect(property('FunnelStage', 'ideas').type).toBe('integer');
    expect(property('ConversionStepResult', 'reached').type).toBe('integer');
    expect(property('RecordBenefitDto', 'usdSaved').type).toBe('number');
  });

  it('show examples where the form is not obvious: dates, cursors and ETags', () => {
    expect(property('CreateChallengeDto', 'opensAt')).toMatchObject({ format: 'date-time', example: expect.any(String) });
    const cursor = (document.paths['/api/v1/ideas'].get!.parameters as ParameterObject[]).find((parameter) => parameter.name === 'cursor');
    expect(cursor?.schema).toMatchObject({ example: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/) });
    const ifMatch = (document.paths['/api/v1/ideas/{id}'].patch!.parameters as ParameterObject[]).find((parameter) => parameter.name === 'If-Match');
    expect(ifMatch).toMatchObject({ in: 'header', schema: { example: '"3"' } });
    expect(document.paths['/api/v1/ideas/{id}'].get!.responses['200']).toMatchObject({ headers: { ETag: { schema: { example: '"3"' } } } });
  });
});

it('passes the Redocly linter’s recommended rules with no error', async () => {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'gateway-docs.json', config });
  const errors = problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`);
  expect(errors).toEqual([]);
});

describe('a typed client generated from it (openapi-typescript + openapi-fetch)', () => {
  beforeAll(async () => {
    rmSync(CLIENT_DIR, { recursive: true, force: true });
    mkdirSync(CLIENT_DIR, { recursive: true });
    writeFileSync(path.join(CLIENT_DIR, 'api.d.ts'), astToString(await openapiTS(document as never)));
    copyFileSync(path.join(REPO_ROOT, 'apps', 'gateway', 'test', 'typed-client', 'use-the-api.ts'), path.join(CLIENT_DIR, 'use-the-api.ts'));
  });

  const compilerOptions: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    // The generated api.d.ts is checked through its use; checking the standard library itself takes seconds.
    skipLibCheck: true,
  };

  it('type-checks a program calling ideas and metrics operations, and refuses wrong types', () => {
    const program = ts.createProgram([path.join(CLIENT_DIR, 'use-the-api.ts')], compilerOptions);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('works against the platform', async () => {
    const source = ts.transpileModule(ts.sys.readFile(path.join(CLIENT_DIR, 'use-the-api.ts'))!, { compilerOptions: { ...compilerOptions, noEmit: false, module: ts.ModuleKind.ESNext } });
    const compiled = path.join(CLIENT_DIR, 'use-the-api.mjs');
    writeFileSync(compiled, source.outputText);
    const { useTheApi } = (await import(pathToFileURL(compiled).href)) as { useTheApi: (baseUrl: string, token: string) => Promise<unknown> };
    const outcome = await useTheApi(gateway.baseUrl, await tokenFor('typed-client', ['staff']));
    expect(outcome).toMatchObject({
      submitted: { status: 'submitted', version: 2 },
      stageCounts: { submitted: expect.any(Number), draft: expect.any(Number) },
      refused: { status: 400, errors: [expect.objectContaining({ field: 'title' })] },
    });
  });
});

it('a body nested 5,000 levels deep is a 400 problem naming the body, from every service, through the gateway', async () => {
  const services = [...new Set(operations().map((entry) => entry.path.split('/')[3]))];
  expect(services).toEqual(expect.arrayContaining(['ideas', 'knowledge-assets', 'metrics']));
  const deep = '['.repeat(5_000) + ']'.repeat(5_000);
  for (const service of services) {
    const write = operations().find((entry) => entry.path.split('/')[3] === service && entry.method !== 'get' && !entry.path.includes('{'))!;
    const roles = (write.operation as { 'x-required-roles'?: Role[] })['x-required-roles'] ?? ['staff'];
    const response = await fetch(`${gateway.baseUrl}${write.path}`, {
      method: write.method.toUpperCase(),
      headers: { authorization: `Bearer ${await tokenFor('deep', roles)}`, 'content-type': 'application/json' },
      body: deep,
    });
    expect({ service, operation: write.name, status: response.status, type: response.headers.get('content-type'), body: await response.json() }).toEqual({
      service,
      operation: write.name,
      status: 400,
      type: 'application/problem+json; charset=utf-8',
      body: expect.objectContaining({ status: 400, errors: [{ field: 'body', reason: expect.stringContaining('deeper than 64 levels') }] }),
    });
  }
});
