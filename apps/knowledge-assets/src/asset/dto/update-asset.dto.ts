import { PatchType } from '#ikm/http';
import { AssetMetadataDto } from './asset-metadata.dto.js';

/**
 * Any subset of a draft's metadata. Null clears the fields that may be empty (abstract's absence is
 * `{}`, a list's is `[]`), and is refused for every other field.
 */
export class UpdateAssetDto extends PatchType(AssetMetadataDto) {}
