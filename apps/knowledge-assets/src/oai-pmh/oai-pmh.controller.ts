import { Controller, Get, HttpCode, PayloadTooLargeException, Post, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '#ikm/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { StreamedBody } from '../file/streamed-body.js';
import { OaiPmhProvider } from './oai-pmh.provider.js';
import { OAI_VERBS, type OaiArguments } from './oai-request.js';

/** A form body longer than this is no OAI-PMH request (a resumption token is a few hundred bytes). */
const MAX_FORM_BYTES = 16 * 1024;
const FORM = 'application/x-www-form-urlencoded';

const QUERY_DOCUMENTATION = [
  { name: 'verb', required: true, enum: [...OAI_VERBS], description: 'The OAI-PMH verb; any other value is answered with a badVerb error.' },
  { name: 'metadataPrefix', required: false, description: 'oai_dc (ListRecords, ListIdentifiers, GetRecord).' },
  { name: 'identifier', required: false, description: 'oai:<repository identifier>:<asset id> (GetRecord, ListMetadataFormats).' },
  { name: 'from', required: false, description: 'YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, inclusive.' },
  { name: 'until', required: false, description: 'Same granularity as from, inclusive.' },
  { name: 'set', required: false, description: 'type:<asset type> or subject:<concept id> (ListSets lists them).' },
  { name: 'resumptionToken', required: false, description: 'From the previous answer of a list; exclusive.' },
];

async function formArguments(request: FastifyRequest): Promise<OaiArguments> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== FORM) throw new UnsupportedMediaTypeException(`OAI-PMH requests by POST are ${FORM}`);
  const chunks: Buffer[] = [];
  let size = 0;
  const body: unknown = request.body;
  if (typeof body === 'string') chunks.push(Buffer.from(body));
  else if (Buffer.isBuffer(body)) chunks.push(body);
  else if (body && typeof body === 'object' && !(body instanceof Readable)) {
    // Nest's Fastify adapter parses forms itself (@fastify/formbody): its pairs, a repeated name as a list.
    return Object.entries(body as Record<string, unknown>).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => [name, String(item)] as const));
  }
  if (body instanceof Readable) {
    for await (const chunk of request.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) throw new PayloadTooLargeException(`an OAI-PMH request is at most ${MAX_FORM_BYTES} bytes`);
      chunks.push(chunk);
    }
  }
  return [...new URLSearchParams(Buffer.concat(chunks).toString('utf8'))];
}

function queryArguments(request: FastifyRequest): OaiArguments {
  const query = request.url.indexOf('?');
  return query < 0 ? [] : [...new URLSearchParams(request.url.slice(query + 1))];
}

/**
 * The OAI-PMH 2.0 data provider (`/knowledge-assets/oai`): open to anyone, as harvesters have no token;
 * what it serves is public by construction (oai-item.repository.ts). Every answer is a 200 XML document,
 * the protocol's errors included, as the protocol asks.
 */
@ApiTags('OAI-PMH')
@Public()
@Controller('oai')
export class OaiPmhController {
  constructor(private readonly provider: OaiPmhProvider) {}

  @ApiOperation({ summary: 'OAI-PMH 2.0 request (Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord)' })
  @Get()
  @ApiProduces('text/xml')
  @ApiOkResponse({ description: 'An OAI-PMH response document (errors included, as OAI-PMH error elements).', schema: { type: 'string' } })
  @ApiQuery(QUERY_DOCUMENTATION[0]!)
  @ApiQuery(QUERY_DOCUMENTATION[1]!)
  @ApiQuery(QUERY_DOCUMENTATION[2]!)
  @ApiQuery(QUERY_DOCUMENTATION[3]!)
  @ApiQuery(QUERY_DOCUMENTATION[4]!)
  @ApiQuery(QUERY_DOCUMENTATION[5]!)
  @ApiQuery(QUERY_DOCUMENTATION[6]!)
  async get(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', 'text/xml; charset=utf-8');
    return this.provider.respond(queryArguments(request));
  }

  @ApiOperation({ summary: 'OAI-PMH 2.0 request as a form (the same arguments in an application/x-www-form-urlencoded body)' })
  @Post()
  @HttpCode(200)
  @StreamedBody()
  @ApiConsumes(FORM)
  @ApiBody({ schema: { type: 'object', required: ['verb'], properties: Object.fromEntries(QUERY_DOCUMENTATION.map((argument) => [argument.name, { type: 'string', description: argument.description }])) } })
  @ApiProduces('text/xml')
  @ApiOkResponse({ description: 'An OAI-PMH response document.', schema: { type: 'string' } })
  async post(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const pairs = await formArguments(request);
    void reply.header('content-type', 'text/xml; charset=utf-8');
    return this.provider.respond(pairs);
  }
}
