import type { AssetStatus } from '#ikm/contracts';
import { domainErrorClass } from '#ikm/domain';
import { refusalExtensions, type MoveRefusal } from '#ikm/lifecycle';
import type { Capacity } from './asset-lifecycle.js';

export enum AssetErrorCode {
  NotFound = 'ASSET_NOT_FOUND',
  VersionNotFound = 'ASSET_VERSION_NOT_FOUND',
  NotOwner = 'ASSET_NOT_OWNER',
  NotEditable = 'ASSET_NOT_EDITABLE',
  InvalidTransition = 'ASSET_INVALID_TRANSITION',
  TransitionForbidden = 'ASSET_TRANSITION_FORBIDDEN',
  ReasonRequired = 'ASSET_REASON_REQUIRED',
  Incomplete = 'ASSET_INCOMPLETE',
  VersionMismatch = 'ASSET_VERSION_MISMATCH',
  DraftOpen = 'ASSET_DRAFT_OPEN',
  NotPublished = 'ASSET_NOT_PUBLISHED',
  OwnerMissing = 'ASSET_OWNER_MISSING',
  AccessInconsistent = 'ASSET_ACCESS_INCONSISTENT',
}

export class AssetError extends domainErrorClass<AssetErrorCode>({
  [AssetErrorCode.NotFound]: 404,
  [AssetErrorCode.VersionNotFound]: 404,
  [AssetErrorCode.NotOwner]: 403,
  [AssetErrorCode.NotEditable]: 409,
  [AssetErrorCode.InvalidTransition]: 409,
  [AssetErrorCode.TransitionForbidden]: 403,
  [AssetErrorCode.ReasonRequired]: 400,
  [AssetErrorCode.Incomplete]: 409,
  [AssetErrorCode.VersionMismatch]: 412,
  [AssetErrorCode.DraftOpen]: 409,
  [AssetErrorCode.NotPublished]: 409,
  [AssetErrorCode.OwnerMissing]: 400,
  [AssetErrorCode.AccessInconsistent]: 400,
}) {
  static notFound(id: string): AssetError {
    return new AssetError(AssetErrorCode.NotFound, `Asset ${id} does not exist or is not visible to you.`);
  }

  static versionNotFound(id: string, number: number): AssetError {
    return new AssetError(AssetErrorCode.VersionNotFound, `Asset ${id} has no version ${number} visible to you.`);
  }

  static notOwner(id: string): AssetError {
    return new AssetError(AssetErrorCode.NotOwner, `Only the owners of asset ${id} (its creators with a staff id and its unit's km_officer) may do this.`);
  }

  static notEditable(id: string, number: number, status: AssetStatus): AssetError {
    return new AssetError(AssetErrorCode.NotEditable, `Version ${number} of asset ${id} is ${status}; only drafts can be edited (a published version changes by a new version).`, {
      currentStatus: status,
    });
  }

  /** A 409 for a move the lifecycle does not have, a 403 for one that is not the caller's. */
  static transitionRefused(id: string, refusal: MoveRefusal<AssetStatus, Capacity>): AssetError {
    const { from, to } = refusal;
    if (refusal.reason === 'invalid') {
      const allowed = refusal.allowed.join(', ') || 'none';
      return new AssetError(AssetErrorCode.InvalidTransition, `Asset ${id} cannot go from ${from} to ${to}; allowed from ${from}: ${allowed}.`, refusalExtensions(refusal));
    }
    const who = to === 'superseded' ? 'publishing a newer version' : refusal.who.join(' or ');
    return new AssetError(AssetErrorCode.TransitionForbidden, `Moving asset ${id} from ${from} to ${to} is for: ${who}.`, refusalExtensions(refusal));
  }

  static reasonRequired(id: string, to: AssetStatus): AssetError {
    const what = to === 'retired' ? 'Retiring' : 'Sending back';
    return new AssetError(AssetErrorCode.ReasonRequired, `${what} asset ${id} needs a written reason.`, {
      errors: [{ field: 'reason', reason: `a written reason is required to move an asset to ${to}` }],
    });
  }

  static incomplete(id: string, missing: string[]): AssetError {
    return new AssetError(AssetErrorCode.Incomplete, `Asset ${id} cannot be submitted before it has: ${missing.join(', ')}.`, {
      errors: missing.map((field) => ({ field, reason: 'is required before submission for review' })),
    });
  }

  static versionMismatch(id: string, expected: number, actual: number): AssetError {
    return new AssetError(AssetErrorCode.VersionMismatch, `Asset ${id} is at revision ${actual}, not ${expected}; reload it and apply your change again.`, { currentVersion: actual });
  }

  static draftOpen(id: string, number: number): AssetError {
    return new AssetError(AssetErrorCode.DraftOpen, `Asset ${id} already has version ${number} in progress; finish it before starting another.`, { openVersion: number });
  }

  static notPublished(id: string): AssetError {
    return new AssetError(AssetErrorCode.NotPublished, `Asset ${id} has no published version to do this on.`);
  }

  /** Whoever writes a draft stays one of its owners, or they could not see it after their own change. */
  static ownerMissing(): AssetError {
    return new AssetError(AssetErrorCode.OwnerMissing, 'You would not own this draft: list yourself among its creators with your staff id, or be the km_officer of its publishing unit.', {
      errors: [{ field: 'creators', reason: 'must include you (staffId = your subject) unless you are the km_officer of publishingUnit' }],
    });
  }

  /** Who may read an asset restricted to nobody, or an open asset restricted to someone: either is a mistake. */
  static accessInconsistent(restricted: boolean): AssetError {
    const reason = restricted ? 'name at least one unit or community to restrict the asset to' : 'units and communities are named only when accessLevel is restricted';
    return new AssetError(AssetErrorCode.AccessInconsistent, `The access settings contradict each other: ${reason}.`, { errors: [{ field: 'restrictedToUnits', reason }] });
  }
}
