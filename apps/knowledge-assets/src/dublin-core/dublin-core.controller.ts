import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '#ikm/auth';
import { uuidParam } from '#ikm/http';
import type { FastifyReply } from 'fastify';
import { DC_ELEMENTS, type DublinCoreRecord } from './dublin-core-record.js';
import { writeOaiDc } from './oai-dc.xml.js';
import { GetDublinCoreUseCase } from './use-cases/get-dublin-core.use-case.js';

const XML_TYPE = /\b(?:application|text)\/xml\b/i;

/** The JSON shape, documented once: each element a list of {value, lang}. */
const RECORD_SCHEMA = {
  type: 'object',
  properties: Object.fromEntries(
    DC_ELEMENTS.map((element) => [element, { type: 'array', items: { type: 'object', required: ['value'], properties: { value: { type: 'string' }, lang: { type: 'string', description: 'BCP 47' } } } }]),
  ),
};

/** Whether the client asked for XML before JSON (a plain `Accept: application/xml` does). */
function wantsXml(accept: string | undefined): boolean {
  if (!accept) return false;
  const json = accept.search(/\bapplication\/(?:[\w.+-]*\+)?json\b/i);
  const xml = accept.search(XML_TYPE);
  return xml >= 0 && (json < 0 || xml < json);
}

@ApiTags('knowledge assets')
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@Controller('assets')
export class DublinCoreController {
  constructor(private readonly getDublinCore: GetDublinCoreUseCase) {}

  @ApiOperation({ summary: 'Export an asset as Dublin Core (JSON, or oai_dc XML with Accept: application/xml)' })
  @Get(':id/dublin-core')
  @ApiHeader({ name: 'Accept', required: false, description: 'application/json (default) or application/xml (oai_dc).' })
  @ApiProduces('application/json', 'application/xml')
  @ApiOkResponse({ description: 'The version `GET /assets/{id}` shows you, as the 15 Dublin Core elements; abstract and formats withheld while under embargo for you.', schema: RECORD_SCHEMA })
  @ApiNotFoundResponse({ description: 'No such asset, or none of its versions is visible to you.' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DublinCoreRecord | string> {
    const record = await this.getDublinCore.execute({ user, assetId: id });
    void reply.header('vary', 'Accept');
    if (!wantsXml(accept)) return record;
    void reply.header('content-type', 'application/xml; charset=utf-8');
    return `<?xml version="1.0" encoding="UTF-8"?>\n${writeOaiDc(record)}`;
  }

  @ApiOperation({ summary: 'Export an asset as oai_dc XML' })
  @Get(':id/dublin-core.xml')
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'The same record as oai_dc XML.', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No such asset, or none of its versions is visible to you.' })
  async xml(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const record = await this.getDublinCore.execute({ user, assetId: id });
    void reply.header('content-type', 'application/xml; charset=utf-8');
    return `<?xml version="1.0" encoding="UTF-8"?>\n${writeOaiDc(record)}`;
  }
}
