/**
 * Who is in a group of people and how they got there: an idea's team (author and co-authors), a
 * community's members (member, moderator, facilitator), a mentoring pair (mentor and mentee).
 *
 * A group is a plain list of `Member`s that its host keeps where it likes (ideas: a jsonb column on the
 * idea's row, so team checks and changes lock with the idea). The rules of a kind of group are a
 * `Membership`; `of(members)` gives the group as a value to ask and change. A change never mutates the
 * list: it returns the new list, or a refusal saying why, typed per operation, which the host turns into
 * its own error (each service keeps its problem codes) and may still refuse for reasons of its own (an
 * idea's status) before it stores the list.
 */

/** Invited: waits for the invitee. Requested: waits for a manager's approval. Accepted: in the group. */
export type MemberStatus = 'invited' | 'requested' | 'accepted';

/** One person's entry; the stored shape (field names and order) is what hosts persist and show. */
export interface Member<Role extends string = string> {
  userId: string;
  role: Role;
  status: MemberStatus;
  /** Who proposed the membership: the inviter, or the person themselves for a founder or a join request. */
  invitedBy: string;
  /** When it was proposed (ISO 8601). */
  invitedAt: string;
  /** When the person became a member (ISO 8601); null until then. */
  joinedAt: string | null;
}

export interface MembershipRules<Role extends string> {
  /** Members in these roles invite others. */
  inviters: readonly Role[];
  /** Members in these roles approve join requests, remove people, change roles and invite into their own kind of role. */
  managers: readonly Role[];
  /** The group is never without one of these: its last accepted member in such a role neither leaves nor is removed nor demoted. */
  owners: readonly Role[];
  /** How people get in other than by invitation: not at all, by a request a manager approves, or by joining. */
  joining: 'invitation' | 'approval' | 'open';
}

/**
 * A host's own rule on who may enter (ideas: nobody assigned to review the idea joins its team): the
 * reason someone is kept out, or undefined. Asked when someone is invited, accepts, asks, joins or is
 * approved, after the group's own rules.
 */
export type Bar<Reason> = (userId: string) => Reason | undefined;

/** The actor is not an accepted member in one of the roles that may do this. */
export interface NotEntitled<Role extends string> {
  reason: 'not-entitled';
  userId: string;
  allowed: readonly Role[];
}
/** The person is already in the group, invited to it or asking to join. */
export interface AlreadyIn {
  reason: 'already-in';
  userId: string;
  status: MemberStatus;
}
export interface NoInvitation {
  reason: 'no-invitation';
  userId: string;
}
export interface NoRequest {
  reason: 'no-request';
  userId: string;
}
/** The person is not in the group (for leave: neither a member nor asking to join; an invitation is declined). */
export interface NotIn {
  reason: 'not-in';
  userId: string;
}
export interface LastOwner {
  reason: 'last-owner';
  userId: string;
}
/** The group takes people by invitation only. */
export interface Closed {
  reason: 'closed';
}
export interface Barred<Reason> {
  reason: 'barred';
  userId: string;
  because: Reason;
}
/** A host that passes no bar has no 'barred' refusal to map. */
export type BarredBy<Reason> = [Reason] extends [never] ? never : Barred<Reason>;

export type InviteRefusal<Role extends string, Reason = never> = NotEntitled<Role> | AlreadyIn | BarredBy<Reason>;
export type AcceptRefusal<Reason = never> = NoInvitation | BarredBy<Reason>;
export type DeclineRefusal = NoInvitation;
export type RequestRefusal<Reason = never> = Closed | AlreadyIn | BarredBy<Reason>;
export type ApproveRefusal<Role extends string, Reason = never> = NotEntitled<Role> | NoRequest | BarredBy<Reason>;
export type LeaveRefusal = NotIn | LastOwner;
export type RemoveRefusal<Role extends string> = NotEntitled<Role> | NotIn | LastOwner;
export type AssignRoleRefusal<Role extends string> = NotEntitled<Role> | NotIn | LastOwner;

/** The group after a change and the entry changed (as it is now, or as it was when it was removed); or why not. */
export type Change<Role extends string, Refusal> =
  | { refusal: Refusal; members?: undefined; member?: undefined }
  | { refusal?: undefined; members: Member<Role>[]; member: Member<Role> };

/** The rules of one kind of group. */
export class Membership<Role extends string> {
  constructor(readonly rules: MembershipRules<Role>) {}

  /** A new group: its founder, a member from the start. */
  founding(userId: string, role: Role, now: Date): Member<Role>[] {
    const at = now.toISOString();
    return [{ userId, role, status: 'accepted', invitedBy: userId, invitedAt: at, joinedAt: at }];
  }

  of(members: readonly Member<Role>[]): Group<Role> {
    return new Group(this.rules, members);
  }
}

/** A group as a value: its members under its rules. */
export class Group<Role extends string> {
  constructor(
    private readonly rules: MembershipRules<Role>,
    readonly entries: readonly Member<Role>[],
  ) {}

  /** The accepted members' ids, in the order they were proposed. */
  members(): string[] {
    return this.entries.filter((entry) => entry.status === 'accepted').map((entry) => entry.userId);
  }

  /** The person's entry, whatever its status. */
  entryOf(userId: string): Member<Role> | undefined {
    return this.entries.find((entry) => entry.userId === userId);
  }

  isMember(userId: string): boolean {
    return this.entryOf(userId)?.status === 'accepted';
  }

  isInvited(userId: string): boolean {
    return this.entryOf(userId)?.status === 'invited';
  }

  hasRequested(userId: string): boolean {
    return this.entryOf(userId)?.status === 'requested';
  }

  /** In the group, invited to it or asking to join: such a person does not judge what the group does. */
  hasStake(userId: string): boolean {
    return this.entryOf(userId) !== undefined;
  }

  /** The role of an accepted member; undefined for anyone else. */
  roleOf(userId: string): Role | undefined {
    const entry = this.entryOf(userId);
    return entry?.status === 'accepted' ? entry.role : undefined;
  }

  /** A member in an inviting role invites someone not yet in the group; only a manager invites into a managing or owning role. */
  invite<Reason = never>(by: string, userId: string, role: Role, now: Date, bar?: Bar<Reason>): Change<Role, InviteRefusal<Role, Reason>> {
    const allowed = this.isPrivileged(role) ? this.rules.managers : this.rules.inviters;
    const refusal = this.entitlement(by, allowed) ?? this.alreadyIn(userId) ?? this.barring(userId, bar);
    if (refusal) return { refusal };
    return this.added({ userId, role, status: 'invited', invitedBy: by, invitedAt: now.toISOString(), joinedAt: null });
  }

  /** Only the invitee accepts their invitation. */
  accept<Reason = never>(userId: string, now: Date, bar?: Bar<Reason>): Change<Role, AcceptRefusal<Reason>> {
    return this.admitted(this.entryIn(userId, 'invited'), { reason: 'no-invitation', userId }, now, bar);
  }

  /** Only the invitee declines their invitation; it is gone, and they may be invited again. */
  decline(userId: string): Change<Role, DeclineRefusal> {
    const invitation = this.entryIn(userId, 'invited');
    if (!invitation) return { refusal: { reason: 'no-invitation', userId } };
    return this.removed(invitation);
  }

  /** Someone asks to join: in at once where joining is open, awaiting a manager where it needs approval. */
  request<Reason = never>(userId: string, role: Role, now: Date, bar?: Bar<Reason>): Change<Role, RequestRefusal<Reason>> {
    if (this.rules.joining === 'invitation') return { refusal: { reason: 'closed' } };
    const refusal = this.alreadyIn(userId) ?? this.barring(userId, bar);
    if (refusal) return { refusal };
    const at = now.toISOString();
    const open = this.rules.joining === 'open';
    return this.added({ userId, role, status: open ? 'accepted' : 'requested', invitedBy: userId, invitedAt: at, joinedAt: open ? at : null });
  }

  /** A manager lets in someone who asked. */
  approve<Reason = never>(by: string, userId: string, now: Date, bar?: Bar<Reason>): Change<Role, ApproveRefusal<Role, Reason>> {
    const entitlement = this.entitlement(by, this.rules.managers);
    if (entitlement) return { refusal: entitlement };
    return this.admitted(this.entryIn(userId, 'requested'), { reason: 'no-request', userId }, now, bar);
  }

  /** A member leaves, or someone withdraws their request; the last owner stays. */
  leave(userId: string): Change<Role, LeaveRefusal> {
    const entry = this.entryOf(userId);
    if (!entry || entry.status === 'invited') return { refusal: { reason: 'not-in', userId } };
    const refusal = this.lastOwnerGoing(entry);
    if (refusal) return { refusal };
    return this.removed(entry);
  }

  /** A manager removes a member, withdraws an invitation or turns down a request; never the last owner. */
  remove(by: string, userId: string): Change<Role, RemoveRefusal<Role>> {
    const entitlement = this.entitlement(by, this.rules.managers);
    if (entitlement) return { refusal: entitlement };
    const entry = this.entryOf(userId);
    if (!entry) return { refusal: { reason: 'not-in', userId } };
    const refusal = this.lastOwnerGoing(entry);
    if (refusal) return { refusal };
    return this.removed(entry);
  }

  /** A manager gives a member another role (a moderator appointed); the last owner keeps theirs. */
  assignRole(by: string, userId: string, role: Role): Change<Role, AssignRoleRefusal<Role>> {
    const entitlement = this.entitlement(by, this.rules.managers);
    if (entitlement) return { refusal: entitlement };
    const entry = this.entryIn(userId, 'accepted');
    if (!entry) return { refusal: { reason: 'not-in', userId } };
    const refusal = this.rules.owners.includes(role) ? undefined : this.lastOwnerGoing(entry);
    if (refusal) return { refusal };
    return this.replaced(entry, { ...entry, role });
  }

  private entryIn(userId: string, status: MemberStatus): Member<Role> | undefined {
    const entry = this.entryOf(userId);
    return entry?.status === status ? entry : undefined;
  }

  private isPrivileged(role: Role): boolean {
    return this.rules.managers.includes(role) || this.rules.owners.includes(role);
  }

  private entitlement(by: string, allowed: readonly Role[]): NotEntitled<Role> | undefined {
    const role = this.roleOf(by);
    return role !== undefined && allowed.includes(role) ? undefined : { reason: 'not-entitled', userId: by, allowed };
  }

  private alreadyIn(userId: string): AlreadyIn | undefined {
    const entry = this.entryOf(userId);
    return entry && { reason: 'already-in', userId, status: entry.status };
  }

  private barring<Reason>(userId: string, bar: Bar<Reason> | undefined): BarredBy<Reason> | undefined {
    const because = bar?.(userId);
    return because === undefined ? undefined : ({ reason: 'barred', userId, because } as BarredBy<Reason>);
  }

  /** Refuses taking away the only accepted member in an owning role (an invitee or a requester is not a member yet). */
  private lastOwnerGoing(entry: Member<Role>): LastOwner | undefined {
    if (entry.status !== 'accepted' || !this.rules.owners.includes(entry.role)) return undefined;
    const owners = this.entries.filter((other) => other.status === 'accepted' && this.rules.owners.includes(other.role));
    return owners.length > 1 ? undefined : { reason: 'last-owner', userId: entry.userId };
  }

  /** A waiting entry (an invitation or a request) become a member; or, without one, `missing`; or the host's bar. */
  private admitted<Missing, Reason>(waiting: Member<Role> | undefined, missing: Missing, now: Date, bar: Bar<Reason> | undefined): Change<Role, Missing | BarredBy<Reason>> {
    if (!waiting) return { refusal: missing };
    const refusal = this.barring(waiting.userId, bar);
    if (refusal) return { refusal };
    return this.replaced(waiting, { ...waiting, status: 'accepted', joinedAt: now.toISOString() });
  }

  private added(member: Member<Role>): Change<Role, never> {
    return { members: [...this.entries, member], member };
  }

  private replaced(entry: Member<Role>, member: Member<Role>): Change<Role, never> {
    return { members: this.entries.map((other) => (other === entry ? member : other)), member };
  }

  private removed(entry: Member<Role>): Change<Role, never> {
    return { members: this.entries.filter((other) => other !== entry), member: entry };
  }
}

/**
 * A jsonb value that a column of `Member`s contains (`members @> $1::jsonb`) exactly when the person is
 * an accepted member: how a host lists the groups someone is in, or filters what only members see.
 */
export function acceptedMemberPattern(userId: string): string {
  return JSON.stringify([{ userId, status: 'accepted' }]);
}
