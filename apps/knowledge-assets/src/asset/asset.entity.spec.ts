import type { Role } from '#ikm/auth';
import { ASSET_STATUSES, type AssetStatus } from '#ikm/contracts';
import { AssetVersion, type Actor } from './asset.entity.js';
import { AssetError, AssetErrorCode } from './asset.errors.js';
import type { AssetMetadata } from './metadata/asset-metadata.js';

const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-01-02T00:00:00Z');

const metadata: AssetMetadata = {
  type: 'policy_brief',
  title: { en: 'Social dialogue in the platform economy' },
  abstract: {},
  keywords: {},
  creators: [{ name: 'Cleo', orcid: null, staffId: 'cleo' }, { name: 'Ada the admin', orcid: null, staffId: 'ada-creator' }, { name: 'An outside author', orcid: null, staffId: null }],
  publishingUnit: 'DIALOGUE',
  dateIssued: '2026-03-01',
  languages: ['en'],
  subjects: [],
  countries: [],
  regions: [],
  source: null,
  persistentIdentifier: null,
  licence: null,
  accessLevel: 'public',
  restrictedToUnits: [],
  restrictedToCommunities: [],
  embargoUntil: null,
  files: [],
};

const persona = (userId: string, roles: Role[], unit?: string): Actor => ({ userId, roles, unit });

/** Everyone who could act on a version, as the asset rules tell them apart. */
const PERSONAS = {
  creator: persona('cleo', ['staff'], 'OTHER'),
  unitOfficer: persona('kim', ['km_officer'], 'DIALOGUE'),
  otherUnitOfficer: persona('kurt', ['km_officer'], 'STATISTICS'),
  admin: persona('ada', ['ikmu_admin']),
  creatorWhoIsAdmin: persona('ada-creator', ['staff', 'ikmu_admin']),
  colleagueOfTheUnit: persona('sam', ['staff'], 'DIALOGUE'),
  constituent: persona('con', ['constituent']),
  reporting: persona('rep', ['reporting']),
} as const;
type Persona = keyof typeof PERSONAS;

/**
 * Written independently of ASSET_LIFECYCLE: who may make each move. Every other (from, to) pair is not
 * a move at all. `superseded` is reached only by publishing a successor, so no persona may make it.
 */
const ALLOWED: Partial<Record<AssetStatus, Partial<Record<AssetStatus, Persona[]>>>> = {
  draft: { in_review: ['creator', 'unitOfficer', 'creatorWhoIsAdmin'] },
  in_review: { published: ['unitOfficer', 'admin'], draft: ['unitOfficer', 'admin'] },
  published: { retired: ['unitOfficer', 'admin'], superseded: [] },
};

function versionIn(status: AssetStatus): AssetVersion {
  const version = AssetVersion.draft('7d0a3c8e-3f43-4d36-9d1c-2b0d1c6f2a11', 1, structuredClone(metadata), 'cleo', t0);
  version.status = status;
  return version;
}

function errorOf(action: () => unknown): AssetError {
  try {
    action();
  } catch (error) {
    if (error instanceof AssetError) return error;
    throw error;
  }
  throw new Error('expected an AssetError');
}

describe('AssetVersion lifecycle, every state x target x persona', () => {
  const rows = ASSET_STATUSES.flatMap((from) => ASSET_STATUSES.flatMap((to) => (Object.keys(PERSONAS) as Persona[]).map((who) => [from, to, who] as const)));

  it.each(rows)('%s -> %s by %s', (from, to, who) => {
    const sut = versionIn(from);
    const move = ALLOWED[from]?.[to];
    const act = () => sut.transition(PERSONAS[who], to, 'a written reason', t1);
    if (move?.includes(who)) {
      expect(act()).toEqual({ from, to, reason: 'a written reason' });
      expect(sut.status).toBe(to);
    } else {
      const error = errorOf(act);
      expect([error.code, error.status]).toEqual(move ? [AssetErrorCode.TransitionForbidden, 403] : [AssetErrorCode.InvalidTransition, 409]);
      expect(sut.status).toBe(from);
    }
    // What a front end shows as buttons agrees with what the move does.
    expect(versionIn(from).transitionsFor(PERSONAS[who]).includes(to)).toBe(Boolean(move?.includes(who)));
  });
});

describe('AssetVersion', () => {
  it('starts as a draft owned by its creators with a staff id and its unit’s km_officer', () => {
    const sut = versionIn('draft');
    expect(sut.ownerIds).toEqual(['cleo', 'ada-creator']);
    const owners = (Object.keys(PERSONAS) as Persona[]).filter((who) => sut.isOwner(PERSONAS[who]));
    expect(owners).toEqual(['creator', 'unitOfficer', 'creatorWhoIsAdmin']);
  });

  it('is superseded only by its successor', () => {
    const sut = versionIn('published');
    expect(sut.transition('successor', 'superseded', null, t1)).toEqual({ from: 'published', to: 'superseded', reason: null });
  });

  it('needs a written reason to send back and to retire', () => {
    for (const [from, to] of [['in_review', 'draft'], ['published', 'retired']] as const) {
      const error = errorOf(() => versionIn(from).transition(PERSONAS.unitOfficer, to, '   ', t1));
      expect([error.code, error.status]).toEqual([AssetErrorCode.ReasonRequired, 400]);
    }
  });

  it('is submitted only with the fields publishing needs, naming those missing', () => {
    const sut = versionIn('draft');
    sut.edit(PERSONAS.creator, { dateIssued: null, languages: [] }, t1);
    const error = errorOf(() => sut.transition(PERSONAS.creator, 'in_review', null, t1));
    expect([error.code, error.status, error.extensions]).toEqual([AssetErrorCode.Incomplete, 409, expect.objectContaining({ errors: [expect.objectContaining({ field: 'dateIssued' }), expect.objectContaining({ field: 'languages' })] })]);
  });

  it('is edited by its owners while a draft only, and returns only what changed', () => {
    const sut = versionIn('draft');
    expect(sut.edit(PERSONAS.unitOfficer, { title: { en: 'New' }, type: 'policy_brief' }, t1)).toEqual({ title: { en: 'New' } });
    expect(errorOf(() => sut.edit(PERSONAS.admin, { title: { en: 'X' } }, t1)).code).toBe(AssetErrorCode.NotOwner);
    expect(errorOf(() => versionIn('in_review').edit(PERSONAS.creator, { title: { en: 'X' } }, t1)).code).toBe(AssetErrorCode.NotEditable);
    expect(errorOf(() => versionIn('published').edit(PERSONAS.creator, { title: { en: 'X' } }, t1)).code).toBe(AssetErrorCode.NotEditable);
  });

  it('refuses an edit that would leave the editor without the draft', () => {
    const sut = versionIn('draft');
    const error = errorOf(() => sut.edit(PERSONAS.creator, { creators: [{ name: 'Someone else', orcid: null, staffId: 'zed' }] }, t1));
    expect([error.code, error.status]).toEqual([AssetErrorCode.OwnerMissing, 400]);
    expect(sut.metadata()).toEqual(metadata); // a refused edit changes nothing
  });

  it('refuses contradictory access: names for an unrestricted asset; a published one restricted to nobody', () => {
    const draft = versionIn('draft');
    expect(errorOf(() => draft.edit(PERSONAS.creator, { restrictedToUnits: ['X'] }, t1)).code).toBe(AssetErrorCode.AccessInconsistent);
    expect(draft.edit(PERSONAS.creator, { accessLevel: 'restricted' }, t1)).toEqual({ accessLevel: 'restricted' });
    expect(draft.restrictedToUnits).toEqual([]);
    const published = versionIn('published');
    const access = { accessLevel: 'restricted' as const, restrictedToUnits: [], restrictedToCommunities: [], embargoUntil: null };
    expect(errorOf(() => published.changeAccess(PERSONAS.admin, access, t1)).code).toBe(AssetErrorCode.AccessInconsistent);
    expect(published.accessLevel).toBe('public'); // a refused change changes nothing
    expect(published.changeAccess(PERSONAS.admin, { ...access, restrictedToUnits: ['DIALOGUE'] }, t1)).toEqual({ accessLevel: 'restricted', restrictedToUnits: ['DIALOGUE'] });
    expect(errorOf(() => published.changeAccess(PERSONAS.colleagueOfTheUnit, access, t1)).code).toBe(AssetErrorCode.NotOwner);
  });

  it('copies its metadata into the next version’s draft', () => {
    const sut = versionIn('published');
    const next = sut.nextDraft('kim', t1);
    expect(next).toMatchObject({ assetId: sut.assetId, number: 2, status: 'draft', createdBy: 'kim' });
    expect(next.metadata()).toEqual(sut.metadata());
    expect(next.id).not.toBe(sut.id);
  });
});
