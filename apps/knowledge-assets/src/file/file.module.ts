import { Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { AssetModule } from '../asset/asset.module.js';
import { DraftFiles } from './draft-files.js';
import type { FileSettings } from './file.config.js';
import { FileController } from './file.controller.js';
import { FILE_SETTINGS } from './file.tokens.js';
import { FILE_STORAGE, type FileStorage } from './storage/file-storage.js';
import { PostgresFileStorage } from './storage/postgres-file-storage.js';
import { acceptStreamedBodies } from './streamed-body.js';
import { DeleteFileUseCase } from './use-cases/delete-file.use-case.js';
import { GetFileUseCase } from './use-cases/get-file.use-case.js';
import { UploadFileUseCase } from './use-cases/upload-file.use-case.js';

/** The FileStorage FILE_STORAGE names. */
function fileStorage(settings: FileSettings, dataSource: DataSource): FileStorage {
  switch (settings.FILE_STORAGE) {
    case 'postgres':
      return new PostgresFileStorage(dataSource);
    case 's3':
      // The seam is the FileStorage interface; README says what an S3 implementation must do.
      throw new Error('FILE_STORAGE=s3: no S3 implementation of FileStorage is built into this release; use FILE_STORAGE=postgres');
  }
}

/** Files uploaded to asset versions: streamed in and out, checked, stored behind FileStorage. */
@Module({})
export class FileModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  static register(settings: FileSettings): DynamicModule {
    return {
      module: FileModule,
      imports: [AssetModule],
      controllers: [FileController],
      providers: [
        { provide: FILE_SETTINGS, useValue: settings },
        { provide: FILE_STORAGE, inject: [DataSource], useFactory: (dataSource: DataSource) => fileStorage(settings, dataSource) },
        DraftFiles,
        UploadFileUseCase,
        GetFileUseCase,
        DeleteFileUseCase,
      ],
      // Bulk import keeps its files in the same storage until they are ingested.
      exports: [FILE_STORAGE],
    };
  }

  onModuleInit(): void {
    acceptStreamedBodies(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}
