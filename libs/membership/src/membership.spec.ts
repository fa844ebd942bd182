import { acceptedMemberPattern, Membership, type Bar, type Change, type Member, type MembershipRules } from './membership.js';

/**
 * A made-up community of practice, not any service's: facilitators own it, facilitators and moderators
 * manage it, every member invites, and people ask to join (approval needed).
 */
type Role = 'member' | 'moderator' | 'facilitator';
const RULES: MembershipRules<Role> = { inviters: ['member', 'moderator', 'facilitator'], managers: ['moderator', 'facilitator'], owners: ['facilitator'], joining: 'approval' };
const community = new Membership<Role>(RULES);

const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-01-02T00:00:00Z');

/** One person in each state a person can be in towards the group. */
const STATES = ['owner', 'moderator', 'member', 'invitee', 'requester', 'outsider'] as const;
type State = (typeof STATES)[number];

function entry(userId: State, role: Role, status: Member['status'], joinedAt: string | null): Member<Role> {
  return Object.freeze({ userId, role, status, invitedBy: userId === 'invitee' ? 'member' : userId, invitedAt: t0.toISOString(), joinedAt });
}

/** Frozen, so that a change that mutated the list instead of returning a new one would throw. */
const FIXTURE: readonly Member<Role>[] = Object.freeze([
  entry('owner', 'facilitator', 'accepted', t0.toISOString()),
  entry('moderator', 'moderator', 'accepted', t0.toISOString()),
  entry('member', 'member', 'accepted', t0.toISOString()),
  entry('invitee', 'member', 'invited', null),
  entry('requester', 'member', 'requested', null),
]);

/** The person's status after the change ('gone' when their entry was removed), or the refusal's reason. */
type Outcome = Member['status'] | 'gone' | 'not-entitled' | 'already-in' | 'no-invitation' | 'no-request' | 'not-in' | 'last-owner' | 'closed' | 'barred';

function outcomeOf(change: Change<Role, { reason: Outcome }>, userId: string): Outcome {
  if (change.refusal) return change.refusal.reason;
  return change.members.find((member) => member.userId === userId)?.status ?? 'gone';
}

const group = community.of(FIXTURE);

/** Each operation on a person in each state, asked by a moderator where someone else asks (or by themselves). */
const ON_EACH_STATE: Record<string, { act: (userId: State) => Change<Role, { reason: Outcome }>; expected: Record<State, Outcome> }> = {
  invite: {
    act: (userId) => group.invite('moderator', userId, 'member', t1),
    expected: { owner: 'already-in', moderator: 'already-in', member: 'already-in', invitee: 'already-in', requester: 'already-in', outsider: 'invited' },
  },
  accept: {
    act: (userId) => group.accept(userId, t1),
    expected: { owner: 'no-invitation', moderator: 'no-invitation', member: 'no-invitation', invitee: 'accepted', requester: 'no-invitation', outsider: 'no-invitation' },
  },
  decline: {
    act: (userId) => group.decline(userId),
    expected: { owner: 'no-invitation', moderator: 'no-invitation', member: 'no-invitation', invitee: 'gone', requester: 'no-invitation', outsider: 'no-invitation' },
  },
  request: {
    act: (userId) => group.request(userId, 'member', t1),
    expected: { owner: 'already-in', moderator: 'already-in', member: 'already-in', invitee: 'already-in', requester: 'already-in', outsider: 'requested' },
  },
  approve: {
    act: (userId) => group.approve('moderator', userId, t1),
    expected: { owner: 'no-request', moderator: 'no-request', member: 'no-request', invitee: 'no-request', requester: 'accepted', outsider: 'no-request' },
  },
  leave: {
    act: (userId) => group.leave(userId),
    expected: { owner: 'last-owner', moderator: 'gone', member: 'gone', invitee: 'not-in', requester: 'gone', outsider: 'not-in' },
  },
  remove: {
    act: (userId) => group.remove('moderator', userId),
    expected: { owner: 'last-owner', moderator: 'gone', member: 'gone', invitee: 'gone', requester: 'gone', outsider: 'not-in' },
  },
  'assign role (to moderator)': {
    act: (userId) => group.assignRole('moderator', userId, 'moderator'),
    expected: { owner: 'last-owner', moderator: 'accepted', member: 'accepted', invitee: 'not-in', requester: 'not-in', outsider: 'not-in' },
  },
};

/** Each operation that someone does to another, asked by a person in each state, on someone it applies to. */
const BY_EACH_STATE: Record<string, { act: (by: State) => Change<Role, { reason: Outcome }>; target: string; expected: Record<State, Outcome> }> = {
  invite: {
    act: (by) => group.invite(by, 'newcomer', 'member', t1),
    target: 'newcomer',
    expected: { owner: 'invited', moderator: 'invited', member: 'invited', invitee: 'not-entitled', requester: 'not-entitled', outsider: 'not-entitled' },
  },
  approve: {
    act: (by) => group.approve(by, 'requester', t1),
    target: 'requester',
    expected: { owner: 'accepted', moderator: 'accepted', member: 'not-entitled', invitee: 'not-entitled', requester: 'not-entitled', outsider: 'not-entitled' },
  },
  remove: {
    act: (by) => group.remove(by, 'member'),
    target: 'member',
    expected: { owner: 'gone', moderator: 'gone', member: 'not-entitled', invitee: 'not-entitled', requester: 'not-entitled', outsider: 'not-entitled' },
  },
  'assign role': {
    act: (by) => group.assignRole(by, 'member', 'moderator'),
    target: 'member',
    expected: { owner: 'accepted', moderator: 'accepted', member: 'not-entitled', invitee: 'not-entitled', requester: 'not-entitled', outsider: 'not-entitled' },
  },
};

const onEachState = Object.entries(ON_EACH_STATE).flatMap(([operation, { act, expected }]) =>
  STATES.map((state) => ({ operation, state, act, outcome: expected[state] })),
);
const byEachState = Object.entries(BY_EACH_STATE).flatMap(([operation, { act, target, expected }]) =>
  STATES.map((state) => ({ operation, state, act, target, outcome: expected[state] })),
);

describe('Membership, every operation × every state of the person', () => {
  it('covers 8 operations on 6 states and 4 operations by 6 states', () => {
    expect([onEachState.length, byEachState.length]).toEqual([48, 24]);
  });

  it.each(onEachState)('$operation on the $state: $outcome', ({ state, act, outcome }) => {
    const change = act(state);
    expect(outcomeOf(change, state)).toBe(outcome);
    expect(group.entries).toBe(FIXTURE);
  });

  it.each(byEachState)('$operation by the $state: $outcome', ({ state, act, target, outcome }) => {
    expect(outcomeOf(act(state), target)).toBe(outcome);
  });
});

describe('Membership', () => {
  it('founds a group with its founder as an accepted member, in the stored shape ideas keep in jsonb', () => {
    const founded = community.founding('ada', 'facilitator', t0);
    const invited = community.of(founded).invite('ada', 'bo', 'member', t1).members!;
    const joined = community.of(invited).accept('bo', t1).members!;
    expect(JSON.stringify(joined)).toBe(
      JSON.stringify([
        { userId: 'ada', role: 'facilitator', status: 'accepted', invitedBy: 'ada', invitedAt: t0.toISOString(), joinedAt: t0.toISOString() },
        { userId: 'bo', role: 'member', status: 'accepted', invitedBy: 'ada', invitedAt: t1.toISOString(), joinedAt: t1.toISOString() },
      ]),
    );
  });

  it('answers who is in, invited, asking, with a stake, and in which role, for each state', () => {
    const answers = STATES.map((userId) => [group.isMember(userId), group.isInvited(userId), group.hasRequested(userId), group.hasStake(userId), group.roleOf(userId) ?? null]);
    expect(answers).toEqual([
      [true, false, false, true, 'facilitator'],
      [true, false, false, true, 'moderator'],
      [true, false, false, true, 'member'],
      [false, true, false, true, null],
      [false, false, true, true, null],
      [false, false, false, false, null],
    ]);
    expect(group.members()).toEqual(['owner', 'moderator', 'member']);
  });

  it('says who may when it refuses someone not entitled', () => {
    expect(group.approve('member', 'requester', t1).refusal).toEqual({ reason: 'not-entitled', userId: 'member', allowed: ['moderator', 'facilitator'] });
    expect(group.invite('invitee', 'newcomer', 'member', t1).refusal).toEqual({ reason: 'not-entitled', userId: 'invitee', allowed: RULES.inviters });
  });

  it('lets only a manager invite into a managing or owning role', () => {
    expect(group.invite('member', 'newcomer', 'moderator', t1).refusal).toEqual({ reason: 'not-entitled', userId: 'member', allowed: RULES.managers });
    expect(group.invite('member', 'newcomer', 'facilitator', t1).refusal?.reason).toBe('not-entitled');
    expect(group.invite('moderator', 'newcomer', 'facilitator', t1).member).toMatchObject({ userId: 'newcomer', role: 'facilitator', status: 'invited' });
  });

  it('keeps the group from losing its last owner, and lets an owner go while another stays', () => {
    const promoted = group.assignRole('owner', 'moderator', 'facilitator').members!;
    const twoOwners = community.of(promoted);
    expect(twoOwners.leave('owner').refusal).toBeUndefined();
    expect(twoOwners.assignRole('moderator', 'owner', 'member').member).toMatchObject({ userId: 'owner', role: 'member' });
    expect(group.assignRole('owner', 'owner', 'facilitator').refusal).toBeUndefined(); // keeping the owning role is no demotion
    expect(group.remove('owner', 'owner').refusal).toEqual({ reason: 'last-owner', userId: 'owner' });
  });

  it('records who invited, when, and when the invitee joined; a declined invitation may be renewed', () => {
    const invited = group.invite('member', 'newcomer', 'member', t1);
    expect(invited.member).toEqual({ userId: 'newcomer', role: 'member', status: 'invited', invitedBy: 'member', invitedAt: t1.toISOString(), joinedAt: null });
    expect(group.accept('invitee', t1).member).toMatchObject({ invitedBy: 'member', invitedAt: t0.toISOString(), joinedAt: t1.toISOString() });
    const declined = community.of(group.decline('invitee').members!);
    expect(declined.invite('member', 'invitee', 'member', t1).member?.status).toBe('invited');
  });

  it('takes join requests as its rules say: refused when by invitation only, in at once when open', () => {
    const byInvitation = new Membership<Role>({ ...RULES, joining: 'invitation' }).of(FIXTURE);
    expect(byInvitation.request('outsider', 'member', t1).refusal).toEqual({ reason: 'closed' });
    const open = new Membership<Role>({ ...RULES, joining: 'open' }).of(FIXTURE);
    expect(open.request('outsider', 'member', t1).member).toEqual({
      userId: 'outsider', role: 'member', status: 'accepted', invitedBy: 'outsider', invitedAt: t1.toISOString(), joinedAt: t1.toISOString(),
    });
  });

  describe("a host's own bar", () => {
    const banned: Bar<'banned'> = (userId) => (userId === 'outsider' || userId === 'invitee' || userId === 'requester' ? 'banned' : undefined);

    it('keeps the barred person out of every way in, saying why', () => {
      const barred = { reason: 'barred', userId: 'outsider', because: 'banned' };
      expect(group.invite('member', 'outsider', 'member', t1, banned).refusal).toEqual(barred);
      expect(group.request('outsider', 'member', t1, banned).refusal).toEqual(barred);
      expect(group.accept('invitee', t1, banned).refusal).toEqual({ ...barred, userId: 'invitee' });
      expect(group.approve('moderator', 'requester', t1, banned).refusal).toEqual({ ...barred, userId: 'requester' });
    });

    it("is asked after the group's own rules, and lets through whom it does not bar", () => {
      expect(group.invite('outsider', 'invitee', 'member', t1, banned).refusal?.reason).toBe('not-entitled');
      expect(group.invite('member', 'invitee', 'member', t1, banned).refusal?.reason).toBe('already-in');
      expect(group.accept('outsider', t1, banned).refusal?.reason).toBe('no-invitation');
      expect(group.approve('moderator', 'outsider', t1, banned).refusal?.reason).toBe('no-request');
      expect(group.invite('member', 'welcome', 'member', t1, banned).member?.status).toBe('invited');
    });
  });

  it('holds a mentoring pair too: the mentee asks a mentor, who accepts; either may end it', () => {
    const pair = new Membership<'mentor' | 'mentee'>({ inviters: ['mentee'], managers: [], owners: [], joining: 'invitation' });
    const asked = pair.of(pair.founding('mentee', 'mentee', t0)).invite('mentee', 'mentor', 'mentor', t0).members!;
    const matched = pair.of(asked).accept('mentor', t1).members!;
    expect(pair.of(matched).members()).toEqual(['mentee', 'mentor']);
    expect(pair.of(matched).leave('mentor').members).toHaveLength(1);
    expect(pair.of(matched).remove('mentee', 'mentor').refusal?.reason).toBe('not-entitled');
  });

  it('gives the jsonb pattern a column of members contains exactly for an accepted member', () => {
    expect(JSON.parse(acceptedMemberPattern('ada'))).toEqual([{ userId: 'ada', status: 'accepted' }]);
  });
});
