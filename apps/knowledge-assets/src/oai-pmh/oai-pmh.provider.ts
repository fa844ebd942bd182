import { Inject, Injectable } from '@nestjs/common';
import { ASSET_TYPES } from '#ikm/contracts';
import { dublinCoreOf } from '../dublin-core/dublin-core.mapping.js';
import type { DublinCoreRecord } from '../dublin-core/dublin-core-record.js';
import { OAI_DC_NAMESPACE, OAI_DC_SCHEMA } from '../dublin-core/oai-dc.xml.js';
import type { OaiItemRow, OaiSelection, OaiSet } from './oai-item.repository.js';
import type { OaiPmhSettings } from './oai-pmh.config.js';
import { writeOaiPmhResponse, type OaiHeader, type OaiPayload, type OaiResponse } from './oai-pmh.xml.js';
import { parseOaiRequest, type OaiArguments, type OaiError, type OaiRequest } from './oai-request.js';
import { decodeResumptionToken, encodeResumptionToken, type ListPosition } from './resumption-token.js';
import { DescribeOaiRepositoryUseCase } from './use-cases/describe-oai-repository.use-case.js';
import { GetOaiItemUseCase } from './use-cases/get-oai-item.use-case.js';
import { ListOaiItemsUseCase, type OaiItem } from './use-cases/list-oai-items.use-case.js';

export const OAI_PMH_SETTINGS = Symbol('OAI_PMH_SETTINGS');

/** Where the gateway serves the provider, under PUBLIC_BASE_URL. */
export const OAI_PMH_PATH = '/api/v1/knowledge-assets/oai';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const OAI_DC = { metadataPrefix: 'oai_dc', schema: OAI_DC_SCHEMA, metadataNamespace: OAI_DC_NAMESPACE };

const error = (code: OaiError['code'], message: string) => ({ errors: [{ code, message }] });

/**
 * The OAI-PMH 2.0 data provider: a request's arguments in, a response document out. It checks the
 * protocol (arguments, identifiers, sets, formats, tokens), asks the use cases for items, and maps each
 * record's version to Dublin Core; `oai-pmh.xml.ts` writes the XML.
 */
@Injectable()
export class OaiPmhProvider {
  readonly baseURL: string;

  constructor(
    @Inject(OAI_PMH_SETTINGS) private readonly settings: OaiPmhSettings,
    private readonly listItems: ListOaiItemsUseCase,
    private readonly getItem: GetOaiItemUseCase,
    private readonly describe: DescribeOaiRepositoryUseCase,
  ) {
    this.baseURL = `${settings.PUBLIC_BASE_URL.replace(/\/$/, '')}${OAI_PMH_PATH}`;
  }

  async respond(pairs: OaiArguments, now = new Date()): Promise<string> {
    const parsed = parseOaiRequest(pairs);
    const response: OaiResponse = { responseDate: now, baseURL: this.baseURL, echo: parsed.echo, result: 'errors' in parsed ? { errors: parsed.errors } : await this.answer(parsed.request, now) };
    return writeOaiPmhResponse(response);
  }

  private async answer(request: OaiRequest, now: Date): Promise<OaiResponse['result']> {
    switch (request.verb) {
      case 'Identify': {
        const { earliestDatestamp } = await this.describe.execute();
        return {
          verb: 'Identify',
          repositoryName: this.settings.OAI_REPOSITORY_NAME,
          baseURL: this.baseURL,
          adminEmail: this.settings.OAI_ADMIN_EMAIL,
          // An empty repository's earliest datestamp is the moment it is asked: nothing is older.
          earliestDatestamp: earliestDatestamp ?? now,
        };
      }
      case 'ListMetadataFormats': {
        if (request.identifier !== null) {
          const assetId = this.assetIdOf(request.identifier);
          if (!assetId || !(await this.getItem.execute({ assetId }))) return error('idDoesNotExist', `${request.identifier} is not an identifier of this repository`);
        }
        return { verb: 'ListMetadataFormats', formats: [OAI_DC] };
      }
      case 'ListSets': {
        if (request.resumptionToken !== null) return error('badResumptionToken', 'the list of sets is never split: no resumption token belongs to it');
        const { topConcepts } = await this.describe.execute();
        const sets = [
          ...ASSET_TYPES.map((type) => ({ setSpec: `type:${type}`, setName: `Type: ${type.replaceAll('_', ' ')}` })),
          ...topConcepts.map((concept) => ({ setSpec: `subject:${concept.id}`, setName: `Subject: ${concept.prefLabel.en ?? Object.values(concept.prefLabel)[0] ?? concept.id}` })),
        ];
        return { verb: 'ListSets', sets };
      }
      case 'GetRecord': {
        if (request.metadataPrefix !== 'oai_dc') return error('cannotDisseminateFormat', `${request.metadataPrefix} is not a metadata format of this repository (oai_dc is)`);
        const assetId = this.assetIdOf(request.identifier);
        const found = assetId ? await this.getItem.execute({ assetId }) : null;
        if (!found) return error('idDoesNotExist', `${request.identifier} is not an identifier of this repository`);
        const [item] = found.items;
        return { verb: 'GetRecord', record: { header: this.headerOf(item!.row), metadata: this.metadataOf(item!, found.conceptLabels) } };
      }
      default:
        return this.list(request, now);
    }
  }

  private async list(request: Extract<OaiRequest, { verb: 'ListIdentifiers' | 'ListRecords' }>, now: Date): Promise<OaiResponse['result']> {
    let position: Pick<ListPosition, 'verb' | 'metadataPrefix' | 'set' | 'from' | 'until'> & Partial<Pick<ListPosition, 'after' | 'cursor' | 'completeListSize'>>;
    if (request.resumptionToken !== undefined) {
      const decoded = decodeResumptionToken(request.resumptionToken, this.settings.OAI_TOKEN_SECRET, now);
      if ('refused' in decoded) return error('badResumptionToken', decoded.refused);
      if (decoded.position.verb !== request.verb) return error('badResumptionToken', `the resumption token continues ${decoded.position.verb}, not ${request.verb}`);
      position = decoded.position;
    } else {
      if (request.metadataPrefix !== 'oai_dc') return error('cannotDisseminateFormat', `${request.metadataPrefix} is not a metadata format of this repository (oai_dc is)`);
      position = { verb: request.verb, metadataPrefix: request.metadataPrefix, set: request.set, from: request.from?.at.toISOString() ?? null, until: request.until?.at.toISOString() ?? null };
    }
    const set = position.set === null ? null : this.setOf(position.set);
    if (set === undefined) return error('noRecordsMatch', `${position.set} is not a set of this repository`);
    const selection: OaiSelection = { set, from: position.from ? new Date(position.from) : null, until: position.until ? new Date(position.until) : null };
    const first = position.after === undefined;
    const page = await this.listItems.execute({
      selection,
      after: position.after ? { datestamp: new Date(position.after.datestamp), assetId: position.after.assetId } : null,
      limit: this.settings.OAI_PAGE_SIZE,
      withRecords: request.verb === 'ListRecords',
      count: first,
    });
    if (page.items.length === 0) return error('noRecordsMatch', 'no record matches these arguments');
    const cursor = position.cursor ?? 0;
    const completeListSize = page.total ?? position.completeListSize!;
    const served = cursor + page.items.length;
    let resumption = null;
    if (page.more) {
      const last = page.items.at(-1)!.row;
      const expiresAt = new Date(now.getTime() + this.settings.OAI_TOKEN_TTL_SECONDS * 1000);
      const next: ListPosition = { verb: request.verb, metadataPrefix: position.metadataPrefix, set: position.set, from: position.from, until: position.until, after: { datestamp: new Date(last.datestamp).toISOString(), assetId: last.assetId }, cursor: served, completeListSize: Math.max(completeListSize, served + 1), expiresAt: expiresAt.toISOString() };
      resumption = { token: encodeResumptionToken(next, this.settings.OAI_TOKEN_SECRET), expirationDate: expiresAt, completeListSize: next.completeListSize, cursor };
    } else if (!first) {
      // The last page of a split list: an empty token, as the protocol asks.
      resumption = { token: '', expirationDate: null, completeListSize: Math.max(completeListSize, served), cursor };
    }
    const payload: OaiPayload =
      request.verb === 'ListIdentifiers'
        ? { verb: 'ListIdentifiers', headers: page.items.map((item) => this.headerOf(item.row)), resumption }
        : { verb: 'ListRecords', records: page.items.map((item) => ({ header: this.headerOf(item.row), metadata: this.metadataOf(item, page.conceptLabels) })), resumption };
    return payload;
  }

  /** `oai:<repository identifier>:<asset id>`, or null for any other identifier. */
  assetIdOf(identifier: string): string | null {
    const prefix = `oai:${this.settings.OAI_REPOSITORY_IDENTIFIER}:`;
    const id = identifier.startsWith(prefix) ? identifier.slice(prefix.length) : '';
    return UUID.test(id) ? id : null;
  }

  identifierOf(assetId: string): string {
    return `oai:${this.settings.OAI_REPOSITORY_IDENTIFIER}:${assetId}`;
  }

  /** The set a setSpec names (undefined: none of ours). Any concept names a set; ListSets lists the top ones. */
  private setOf(spec: string): OaiSet | undefined {
    const [kind, value, ...rest] = spec.split(':');
    if (rest.length > 0 || !value) return undefined;
    if (kind === 'type' && (ASSET_TYPES as readonly string[]).includes(value)) return { kind: 'type', type: value };
    if (kind === 'subject' && UUID.test(value)) return { kind: 'subject', conceptId: value };
    return undefined;
  }

  private headerOf(row: OaiItemRow): OaiHeader {
    const setSpecs = [`type:${row.type}`, ...row.subjects.filter((subject) => UUID.test(subject)).map((subject) => `subject:${subject}`)];
    return { identifier: this.identifierOf(row.assetId), datestamp: new Date(row.datestamp), setSpecs: row.deleted ? [] : setSpecs, deleted: row.deleted };
  }

  private metadataOf(item: OaiItem, conceptLabels: Map<string, Record<string, string>>): DublinCoreRecord | null {
    if (item.row.deleted || !item.version) return null;
    const version = item.version;
    return dublinCoreOf(version.metadata(), {
      url: `${this.settings.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/v1/knowledge-assets/assets/${version.assetId}`,
      conceptLabels,
      uploadedMediaTypes: version.uploadedFiles.map((file) => file.mediaType),
    });
  }
}
