import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiProperty, ApiPropertyOptional, SwaggerModule, type OpenAPIObject, type SchemaObject } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsoDate, IsoDateTime } from './date.validators.js';
import { FitsInteger, FitsNumeric } from './number.validators.js';
import { uuidParam } from './uuid-param.pipe.js';
import { documentValidatedTypes } from './validated-types.js';

class PeriodDto {
  @ApiProperty() @IsInt() beneficiaries: number;
  @ApiProperty() @IsNumber() usdSaved: number;
  @ApiProperty() @FitsInteger({ min: 0 }) staff: number;
  @ApiProperty() @FitsNumeric(6, 2, { min: 0 }) budget: number;
  @ApiProperty() @IsoDateTime() endsAt: Date;
  @ApiProperty() @IsoDate() day: string;
}

class RecordDto {
  @ApiProperty({ type: PeriodDto }) @ValidateNested() @Type(() => PeriodDto) period: PeriodDto;
  @ApiProperty({ type: [String] }) @IsUUID('all', { each: true }) assetIds: string[];
  @ApiProperty() @IsUUID() ownerId: string;
  @ApiProperty() note: string;
}

class PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsInt() limit?: number;
}

@Controller('records')
class RecordController {
  @Post(':id')
  record(@Param('id', uuidParam('id')) id: string, @Body() body: RecordDto) {
    return { id, body };
  }

  @Get(':slug')
  list(@Param('slug') slug: string, @Query() query: PageQuery) {
    return { slug, query };
  }
}

@Module({ controllers: [RecordController] })
class RecordModule {}

describe('documentValidatedTypes', () => {
  let sut: OpenAPIObject;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(RecordModule, new FastifyAdapter(), { logger: false });
    documentValidatedTypes(app);
    sut = SwaggerModule.createDocument(app, { openapi: '3.0.0', info: { title: 't', version: '1' } });
  });

  afterAll(() => app.close());

  const property = (schema: string, name: string) => (sut.components!.schemas![schema] as SchemaObject).properties![name];

  it('documents what @IsInt and @IsUUID check, nested DTOs and arrays included, and leaves the rest as it was', () => {
    expect(property('PeriodDto', 'beneficiaries')).toMatchObject({ type: 'integer' });
    expect(property('PeriodDto', 'usdSaved')).toMatchObject({ type: 'number' });
    expect(property('RecordDto', 'ownerId')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(property('RecordDto', 'assetIds')).toMatchObject({ type: 'array', items: { type: 'string', format: 'uuid' } });
    expect(property('RecordDto', 'note')).toEqual({ type: 'string' });
  });

  it('documents the range of column-sized numbers and the format of strict dates', () => {
    expect(property('PeriodDto', 'staff')).toMatchObject({ type: 'integer', minimum: 0, maximum: 2_147_483_647 });
    expect(property('PeriodDto', 'budget')).toMatchObject({ type: 'number', minimum: 0, maximum: 9_999.99 });
    expect(property('PeriodDto', 'endsAt')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(property('PeriodDto', 'day')).toMatchObject({ type: 'string', format: 'date' });
  });

  it('documents query DTOs and path parameters read through uuidParam, and only those', () => {
    expect(sut.paths['/records/{id}'].post!.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', schema: { type: 'string', format: 'uuid' } })]);
    expect(sut.paths['/records/{slug}'].get!.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'slug', in: 'path', schema: { type: 'string' } }),
        expect.objectContaining({ name: 'limit', in: 'query', schema: { type: 'integer' } }),
      ]),
    );
  });
});
