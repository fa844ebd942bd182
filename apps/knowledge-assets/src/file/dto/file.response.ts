import { ApiProperty } from '@nestjs/swagger';
import type { UploadedFile } from '../asset-file.repository.js';

export class UploadedFileResponse {
  @ApiProperty({ example: 'report.pdf' }) name: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) size: number;
  @ApiProperty({ example: 'application/pdf', description: 'As checked against the file’s first bytes when it was uploaded.' }) mediaType: string;
  @ApiProperty({ example: `sha256:${'ab'.repeat(32)}`, description: 'SHA-256 of the bytes, computed while they were received.' }) checksum: string;
  @ApiProperty({ example: '/knowledge-assets/assets/0b6f…/versions/1/files/report.pdf', description: 'Where its bytes are downloaded.' }) url: string;

  static of(assetId: string, versionNumber: number, file: UploadedFile): UploadedFileResponse {
    const { name, size, mediaType, checksum } = file;
    return { name, size, mediaType, checksum, url: `/knowledge-assets/assets/${assetId}/versions/${versionNumber}/files/${encodeURIComponent(name)}` };
  }
}

/** An upload's outcome: the file, and the asset's revision after it (its ETag, for the next If-Match). */
export class FileUploadResponse extends UploadedFileResponse {
  @ApiProperty({ type: 'integer', description: 'The asset’s revision after the upload, also sent as the ETag.' }) revision: number;
}

/** What the version holds after a file was deleted, and the asset's revision after it. */
export class VersionFilesResponse {
  @ApiProperty({ type: 'integer', description: 'The asset’s revision after the change, also sent as the ETag.' }) revision: number;
  @ApiProperty({ type: [UploadedFileResponse] }) files: UploadedFileResponse[];
}
