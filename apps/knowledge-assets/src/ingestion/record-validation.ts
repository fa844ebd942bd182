import { DomainError } from '#ikm/domain';
import { createValidationPipe, InvalidRequestException } from '#ikm/http';
import { AssetVersion, type Actor } from '../asset/asset.entity.js';
import { AssetMetadataDto } from '../asset/dto/asset-metadata.dto.js';
import type { AssetMetadata } from '../asset/metadata/asset-metadata.js';
import { newDraftMetadata } from '../asset/metadata/metadata-input.js';
import type { FieldError, IngestibleRecord } from './ingestible-record.js';

/** What an ingestion applies to every record that does not say it itself. */
export interface IngestionDefaults {
  publishingUnit?: string;
  accessLevel?: AssetMetadata['accessLevel'];
}

/**
 * The REST create's own validation (the global pipe: DTO validators, unknown fields refused), run on a
 * plain object; one pipe serves every record.
 */
const pipe = createValidationPipe();

export type ValidatedRecord = { metadata: AssetMetadata; errors?: undefined } | { metadata?: undefined; errors: FieldError[] };

/**
 * A record's metadata as the version it becomes, or every reason it cannot be one: the fields the REST
 * create refuses, then the rules a version must meet to be published (what submission requires, which
 * includes naming whom a restricted asset is for) and the actor's right to publish for its unit.
 */
export async function validateRecord(record: IngestibleRecord, defaults: IngestionDefaults, actor: Actor): Promise<ValidatedRecord> {
  const body = { ...defaults, ...withoutUndefined(record.metadata ?? {}), source: record.source };
  let dto: AssetMetadataDto;
  try {
    dto = (await pipe.transform(body, { type: 'body', metatype: AssetMetadataDto })) as AssetMetadataDto;
  } catch (error) {
    if (error instanceof InvalidRequestException) return { errors: error.fieldErrors };
    throw error;
  }
  const metadata = newDraftMetadata(dto);
  const errors: FieldError[] = [];
  try {
    const version = AssetVersion.draft('00000000-0000-4000-8000-000000000000', 1, metadata, actor.userId, new Date(0));
    for (const field of version.quality().missingRequired) errors.push({ field, reason: 'is required before publication' });
    if (!version.capacitiesOf(actor).includes('publisher')) errors.push({ field: 'publishingUnit', reason: `you publish only for your own unit (${actor.unit ?? 'none'}); an ikmu_admin publishes for any` });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    errors.push(...fieldErrorsOf(error));
  }
  return errors.length > 0 ? { errors } : { metadata };
}

function fieldErrorsOf(error: DomainError): FieldError[] {
  const listed = (error.extensions as { errors?: FieldError[] } | undefined)?.errors;
  return listed && listed.length > 0 ? listed : [{ field: '', reason: error.message }];
}

/** A mapped record leaves out what it does not know; the DTO must see those fields as absent. */
function withoutUndefined(value: object): object {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}
