import { applyDecorators, Controller, Delete, Get, Param, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { CurrentUser, INTERNAL_ROLES, Roles, type AuthenticatedUser } from '#ikm/auth';
import { ifNoneMatchHolds, IfMatchVersion, positiveIntegerParam, RespondsWithEtag, uuidParam } from '#ikm/http';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CountsUsage } from '../usage/counts-usage.interceptor.js';
import { requestedRange } from './byte-range.js';
import { expectedDigest } from './content-digest.js';
import { FileUploadResponse, UploadedFileResponse, VersionFilesResponse } from './dto/file.response.js';
import { FileError } from './file.errors.js';
import { fileName } from './file-name.js';
import { ALLOWED_MEDIA_TYPES } from './media-type.js';
import { StreamedBody } from './streamed-body.js';
import { DeleteFileUseCase } from './use-cases/delete-file.use-case.js';
import { GetFileUseCase } from './use-cases/get-file.use-case.js';
import { UploadFileUseCase } from './use-cases/upload-file.use-case.js';

const FILE_PATH = ':id/versions/:number/files/:name';
/** The path's version number and file name, as the OpenAPI document describes them. */
const FilePathParameters = () =>
  applyDecorators(
    ApiParam({ name: 'number', schema: { type: 'integer', minimum: 1, maximum: 2147483647 } }),
    ApiParam({ name: 'name', schema: { type: 'string', minLength: 1, maxLength: 255 }, description: 'The file’s name in the version (percent-encoded; no / or control characters).' }),
  );
const WITH_REVISION_ETAG = { versionOf: (body: { revision: number }) => body.revision };

/** A download's validator: the bytes' SHA-256, which no other content has. */
const etagOfChecksum = (sha256: string) => `"sha256-${sha256}"`;

@ApiTags('knowledge assets')
@Controller('assets')
export class FileController {
  constructor(
    private readonly uploadFile: UploadFileUseCase,
    private readonly getFile: GetFileUseCase,
    private readonly deleteFile: DeleteFileUseCase,
  ) {}

  @ApiOperation({ summary: 'Upload a file to a draft version under a name (the raw bytes as the body, streamed)' })
  @Put(FILE_PATH)
  @FilePathParameters()
  @StreamedBody()
  @RespondsWithEtag(WITH_REVISION_ETAG)
  @Roles(...INTERNAL_ROLES)
  @ApiConsumes(...[...ALLOWED_MEDIA_TYPES].sort())
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'The file’s bytes, with its media type as Content-Type.' })
  @ApiHeader({ name: 'Content-Digest', required: false, description: 'RFC 9530 `sha-256=:base64:` (or `Repr-Digest`, or RFC 3230 `Digest: SHA-256=…`): the upload is refused if the bytes differ.' })
  @ApiQuery({ name: 'sha256', required: false, description: 'The bytes’ SHA-256 in hex, for clients that cannot set headers.' })
  @ApiCreatedResponse({ type: FileUploadResponse, description: 'A new file in the draft.' })
  @ApiOkResponse({ type: FileUploadResponse, description: 'The file under that name replaced (or the same bytes again: nothing changed).' })
  @ApiForbiddenResponse({ description: 'Not one of its owners.' })
  @ApiConflictResponse({ description: 'The version is not a draft: a published version never changes.' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than FILE_MAX_BYTES; nothing stored.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'A media type not accepted, or one the first bytes contradict.' })
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('number', positiveIntegerParam('number')) number: number,
    @Param('name') name: string,
    @Query('sha256') sha256: string | undefined,
    @IfMatchVersion() expectedRevision: number | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FileUploadResponse> {
    if (!(request.body instanceof Readable)) throw FileError.mediaTypeRefused('application/json and text/plain are read as API requests here: upload such a file as application/octet-stream');
    const length = request.headers['content-length'];
    const outcome = await this.uploadFile.execute({
      user,
      assetId: id,
      number,
      name: fileName(name),
      body: request.body,
      contentType: request.headers['content-type'],
      contentLength: length === undefined ? undefined : Number(length),
      expectedDigest: expectedDigest(request.headers, typeof sha256 === 'string' ? sha256 : undefined),
      expectedRevision,
    });
    const file = UploadedFileResponse.of(id, number, outcome.file);
    void reply.status(outcome.created ? 201 : 200).header('location', file.url);
    return { ...file, revision: outcome.revision };
  }

  @ApiOperation({ summary: 'Download a file of a version (streamed; one byte range with Range)' })
  @Get(FILE_PATH)
  @CountsUsage('download')
  @FilePathParameters()
  @ApiProduces('*/*')
  @ApiHeader({ name: 'Range', required: false, description: 'One range, `bytes=first-last`; several ranges get the whole file.' })
  @ApiOkResponse({ description: 'The bytes, with Content-Type, Content-Length, Content-Disposition and the SHA-256 as ETag.', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No such file, or its version is not visible to you (access level).' })
  @ApiForbiddenResponse({ description: 'FILE_UNDER_EMBARGO: you see the version’s record, but its files are withheld until `embargoUntil` (in the problem).' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('number', positiveIntegerParam('number')) number: number,
    @Param('name') name: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const file = await this.getFile.execute({ user, assetId: id, number, name: fileName(name) });
    const etag = etagOfChecksum(file.sha256);
    void reply.header('etag', etag).header('accept-ranges', 'bytes').header('content-disposition', contentDisposition(file.name));
    if (ifNoneMatchHolds(request.headers['if-none-match'], etag)) {
      void reply.status(304);
      return undefined;
    }
    const ifRange = request.headers['if-range'];
    const range = requestedRange(request.headers.range, file.size, typeof ifRange === 'string' ? ifRange : undefined, etag);
    if (range) void reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${file.size}`);
    const length = range ? range.end - range.start + 1 : file.size;
    return new StreamableFile(this.getFile.open(file, range), { type: file.mediaType, length });
  }

  @ApiOperation({ summary: 'Delete a file from a draft version' })
  @Delete(FILE_PATH)
  @FilePathParameters()
  @RespondsWithEtag(WITH_REVISION_ETAG)
  @Roles(...INTERNAL_ROLES)
  @ApiOkResponse({ type: VersionFilesResponse, description: 'The files the draft holds now.' })
  @ApiForbiddenResponse({ description: 'Not one of its owners.' })
  @ApiConflictResponse({ description: 'The version is not a draft.' })
  @ApiNotFoundResponse({ description: 'No such file in that version.' })
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('number', positiveIntegerParam('number')) number: number,
    @Param('name') name: string,
    @IfMatchVersion() expectedRevision: number | undefined,
  ): Promise<VersionFilesResponse> {
    const outcome = await this.deleteFile.execute({ user, assetId: id, number, name: fileName(name), expectedRevision });
    return { revision: outcome.revision, files: outcome.files.map((file) => UploadedFileResponse.of(id, number, file)) };
  }
}
