import type { SourcePlatform } from '#ikm/contracts';
import { parse } from 'csv-parse';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { IngestibleRecord } from '../ingestion/ingestible-record.js';
import { IngestionError } from '../ingestion/ingestion.errors.js';
import { headerProblem, recordFromCsv, recordFromJson } from './import-format.js';

/** The media types an import is stored as: a JSON array arrives parsed and is kept as NDJSON. */
export const STORED_IMPORT_FORMATS = ['text/csv', 'application/x-ndjson'] as const;
export type StoredImportFormat = (typeof STORED_IMPORT_FORMATS)[number];

/**
 * A stored import file's records, one at a time as the stream gives them (never the file whole); a
 * file that cannot be read (a malformed CSV row, a line that is not JSON, an unknown column) fails with
 * IMPORT_MALFORMED naming the line.
 */
export async function* importRecords(content: Readable, format: StoredImportFormat, platform: SourcePlatform): AsyncGenerator<IngestibleRecord> {
  if (format === 'text/csv') yield* csvRecords(content, platform);
  else yield* ndjsonRecords(content, platform);
}

async function* csvRecords(content: Readable, platform: SourcePlatform): AsyncGenerator<IngestibleRecord> {
  const parser = content.pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      columns: (header: string[]) => {
        const columns = header.map((column) => column.trim());
        const problem = headerProblem(columns);
        if (problem) throw IngestionError.malformed(problem);
        return columns;
      },
    }),
  );
  content.on('error', (error) => parser.destroy(error));
  try {
    for await (const row of parser) yield recordFromCsv(row as Record<string, string>, platform);
  } catch (error) {
    if (error instanceof IngestionError) throw error;
    const reason = (error as Error).message;
    // csv-parse's own errors carry a code (CSV_*): the file's fault, not the service's.
    if ((error as { code?: string }).code?.startsWith('CSV_')) throw IngestionError.malformed(reason);
    throw error;
  }
}

async function* ndjsonRecords(content: Readable, platform: SourcePlatform): AsyncGenerator<IngestibleRecord> {
  const lines = createInterface({ input: content, crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw IngestionError.malformed(`line ${number} is not JSON: ${(error as Error).message}`);
    }
    yield recordFromJson(value, platform);
  }
}
