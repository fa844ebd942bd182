import type { PersonaClient } from '#ikm/testing';
import { randomUUID } from 'node:crypto';

/**
 * Knowledge assets as the tests make them: a request body complete enough to be submitted (override
 * what a test is about), and the calls that bring an asset into each state of its lifecycle through the
 * assets API (`apiClient(service, { prefix: '/knowledge-assets/assets' })`) as the users who may.
 */

/** The body of `POST /knowledge-assets/assets`: a public policy brief of this unit whose creators include cleo. */
export function assetDraft(publishingUnit: string, overrides: object = {}) {
  return {
    type: 'policy_brief',
    title: { en: 'Social dialogue in the platform economy', fr: 'Le dialogue social dans l’économie de plateforme' },
    abstract: { en: 'How platform workers and their employers bargain.' },
    keywords: { en: ['social dialogue', 'platform work'], es: ['diálogo social'] },
    creators: [{ name: 'Cleo Martin', orcid: '0000-0002-1825-0097', staffId: 'cleo' }, { name: 'An outside author' }],
    publishingUnit,
    dateIssued: '2026-03-15',
    languages: ['en', 'fr'],
    subjects: [randomUUID()],
    countries: ['KE', 'PH'],
    regions: ['africa', 'asia_and_the_pacific'],
    source: { platform: 'labordoc', identifier: '995219363402676', url: 'https://labordoc.ilo.org/permalink/995219363402676' },
    persistentIdentifier: { scheme: 'doi', value: '10.54394/ABCD1234' },
    licence: 'CC-BY-4.0',
    accessLevel: 'public',
    files: [{ url: 'https://www.ilo.org/media/1234/download', mediaType: 'application/pdf', size: 48213, checksum: `sha256:${'ab'.repeat(32)}` }],
    ...overrides,
  };
}

/** A draft created by the caller; fails the test unless it was created; resolves with its id. */
export async function draftAsset(owner: PersonaClient, body: object): Promise<string> {
  const response = await owner.post('', body);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
  return response.body.id as string;
}

/** Moves the asset's current version to `to` (with a reason where the rules need one); fails the test unless it moved. */
export async function transitionAsset(actor: PersonaClient, id: string, to: string, reason?: string): Promise<void> {
  const response = await actor.post(`/${id}/transitions`, { to, ...(reason ? { reason } : {}) });
  expect(`${to}: ${response.status} ${response.body.detail ?? ''}`).toBe(`${to}: 200 `);
}

export const ASSET_STATES = ['draft', 'in_review', 'published', 'revising', 'retired'] as const;
export type AssetState = (typeof ASSET_STATES)[number];

/** Who brings an asset into a state: an owner (among its creators) and a publisher (the unit's km_officer). */
export interface AssetPeople {
  owner: PersonaClient;
  publisher: PersonaClient;
}

/**
 * An asset in this state, created from `body` by the owner: submitted, published by the publisher, then
 * retired, or with a second version in progress (`revising`). Resolves with its id.
 */
export async function assetIn(state: AssetState, { owner, publisher }: AssetPeople, body: object): Promise<string> {
  const id = await draftAsset(owner, body);
  if (state === 'draft') return id;
  await transitionAsset(owner, id, 'in_review');
  if (state === 'in_review') return id;
  await transitionAsset(publisher, id, 'published');
  if (state === 'retired') await transitionAsset(publisher, id, 'retired', 'Replaced by the 2027 edition.');
  if (state === 'revising') expect((await owner.post(`/${id}/versions`)).status).toBe(201);
  return id;
}

/**
 * The access table's columns: one published asset per access level and embargo, for a unit and another
 * unit; and its rows, written from the rules, by the personas the test files use. Owners (cleo), the
 * unit's km_officer (kim) and admins see everything. Records: staff read internal assets, and restricted
 * ones of their unit; constituents and the reporting role public ones; an embargo hides no record.
 * Content (abstract, files): the same, less the embargoed assets, for all but the first three.
 */
export function accessCases(unit: string, otherUnit: string) {
  return {
    public: { accessLevel: 'public' },
    internal: { accessLevel: 'internal' },
    restrictedToTheUnit: { accessLevel: 'restricted', restrictedToUnits: [unit] },
    restrictedToAnotherUnit: { accessLevel: 'restricted', restrictedToUnits: [otherUnit] },
    publicEmbargoed: { accessLevel: 'public', embargoUntil: '2999-01-01' },
    publicEmbargoOver: { accessLevel: 'public', embargoUntil: '2020-01-01' },
    internalEmbargoed: { accessLevel: 'internal', embargoUntil: '2999-01-01' },
  } as const;
}
export type AccessCase = keyof ReturnType<typeof accessCases>;
const EVERY_CASE = Object.keys(accessCases('', '')) as AccessCase[];
export const RECORD_SEEN_BY = {
  creator: EVERY_CASE,
  unitOfficer: EVERY_CASE,
  admin: EVERY_CASE,
  unitStaff: ['public', 'internal', 'restrictedToTheUnit', 'publicEmbargoed', 'publicEmbargoOver', 'internalEmbargoed'],
  otherStaff: ['public', 'internal', 'restrictedToAnotherUnit', 'publicEmbargoed', 'publicEmbargoOver', 'internalEmbargoed'],
  otherUnitOfficer: ['public', 'internal', 'restrictedToAnotherUnit', 'publicEmbargoed', 'publicEmbargoOver', 'internalEmbargoed'],
  constituent: ['public', 'publicEmbargoed', 'publicEmbargoOver'],
  reporting: ['public', 'publicEmbargoed', 'publicEmbargoOver'],
} satisfies Record<string, AccessCase[]>;
export const CONTENT_SEEN_BY = {
  creator: EVERY_CASE,
  unitOfficer: EVERY_CASE,
  admin: EVERY_CASE,
  unitStaff: ['public', 'internal', 'restrictedToTheUnit', 'publicEmbargoOver'],
  otherStaff: ['public', 'internal', 'restrictedToAnotherUnit', 'publicEmbargoOver'],
  otherUnitOfficer: ['public', 'internal', 'restrictedToAnotherUnit', 'publicEmbargoOver'],
  constituent: ['public', 'publicEmbargoOver'],
  reporting: ['public', 'publicEmbargoOver'],
} satisfies Record<keyof typeof RECORD_SEEN_BY, AccessCase[]>;
