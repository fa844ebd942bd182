import type { Role } from '#ikm/auth';
import { IDEA_STATUSES, type IdeaStatus } from '#ikm/contracts';
import { Idea, type Actor } from './idea.entity.js';
import { IdeaError, IdeaErrorCode } from './idea.errors.js';

const content = {
  title: 'Shared translation memory',
  problem: 'Duplicated work',
  proposal: 'One memory',
  themes: ['km'],
  challengeId: null,
  expectedBenefits: null,
  knowledgeAssetIds: [],
};
const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-01-02T00:00:00Z');
const noPendingReview = { pendingReviewers: [] };
const noReviewers: string[] = [];

function draftBy(userId = 'u1'): Idea {
  return Idea.draft({ userId, unit: 'DDG/MR', region: 'Africa' }, content, t0);
}

function ideaIn(status: IdeaStatus): Idea {
  const idea = draftBy('author');
  idea.status = status;
  return idea;
}

function errorOf(action: () => unknown): IdeaError {
  try {
    action();
  } catch (error) {
    if (error instanceof IdeaError) return error;
    throw error;
  }
  throw new Error('expected an IdeaError');
}

describe('Idea', () => {
  it('starts as a version-1 draft whose team is its author, with the author’s unit and region', () => {
    const sut = draftBy('u1');
    expect(sut).toMatchObject({ ...content, status: 'draft', authorId: 'u1', originUnit: 'DDG/MR', region: 'Africa', version: 1, submittedAt: null });
    expect(sut.members()).toEqual(['u1']);
  });

  it('is visible to its team and invitees only while a draft', () => {
    const sut = draftBy('u1');
    sut.inviteCoauthor('u1', 'u3', t1, noReviewers);
    expect([sut.isVisibleTo('u1'), sut.isVisibleTo('u2'), sut.isVisibleTo('u3')]).toEqual([true, false, true]);
    sut.transition({ userId: 'u1', roles: ['staff'] }, 'submitted', null, t1, noPendingReview);
    expect(sut.isVisibleTo('u2')).toBe(true);
  });

  describe('team', () => {
    it('lets a member invite a colleague, who becomes a co-author by accepting', () => {
      const sut = draftBy('u1');
      sut.inviteCoauthor('u1', 'u2', t1, noReviewers);
      expect(sut.isOnTeam('u2')).toBe(false);
      sut.acceptInvitation('u2', t1, noReviewers);
      expect(sut.members()).toEqual(['u1', 'u2']);
      expect(sut.version).toBe(3);
    });

    it('refuses invitations from outside the team, twice the same person, and accepting without an invitation', () => {
      const sut = draftBy('u1');
      expect(errorOf(() => sut.inviteCoauthor('u9', 'u2', t1, noReviewers)).code).toBe(IdeaErrorCode.NotOnTeam);
      sut.inviteCoauthor('u1', 'u2', t1, noReviewers);
      expect(errorOf(() => sut.inviteCoauthor('u1', 'u2', t1, noReviewers)).code).toBe(IdeaErrorCode.AlreadyOnTeam);
      expect(errorOf(() => sut.acceptInvitation('u3', t1, noReviewers)).code).toBe(IdeaErrorCode.NoInvitation);
    });

    it('refuses to invite an assigned reviewer, and an assigned reviewer’s acceptance of an earlier invitation, changing nothing', () => {
      const sut = draftBy('u1');
      const error = errorOf(() => sut.inviteCoauthor('u1', 'r1', t1, ['r1']));
      expect([error.code, error.status]).toEqual([IdeaErrorCode.ReviewerCannotJoin, 409]);
      expect(sut.hasStake('r1')).toBe(false);
      sut.inviteCoauthor('u1', 'r2', t1, ['r1']);
      expect(errorOf(() => sut.acceptInvitation('r2', t1, ['r1', 'r2'])).code).toBe(IdeaErrorCode.ReviewerCannotJoin);
      expect([sut.isOnTeam('r2'), sut.version]).toEqual([false, 2]);
    });

    it('gives a stake to members and invitees, who never judge the idea, even as reviewers or administrators', () => {
      const sut = draftBy('u1');
      sut.inviteCoauthor('u1', 'r1', t1, noReviewers);
      sut.transition({ userId: 'u1', roles: ['staff'] }, 'submitted', null, t1, noPendingReview);
      expect([sut.hasStake('u1'), sut.hasStake('r1'), sut.hasStake('r2')]).toEqual([true, true, false]);
      expect(sut.transitionsFor({ userId: 'r1', roles: ['staff', 'reviewer', 'ikmu_admin'] })).toEqual([]);
      expect(sut.transitionsFor({ userId: 'r2', roles: ['staff', 'reviewer'] })).toEqual(['in_review', 'not_pursued']);
    });
  });

  describe('edit', () => {
    it('applies only what changed and bumps the version; a co-author may edit too', () => {
      const sut = draftBy('u1');
      sut.inviteCoauthor('u1', 'u2', t0, noReviewers);
      sut.acceptInvitation('u2', t0, noReviewers);
      const applied = sut.edit('u2', { title: 'New title', problem: content.problem }, t1);
      expect(applied).toEqual({ title: 'New title' });
      expect(sut).toMatchObject({ title: 'New title', version: 4, updatedAt: t1 });
    });

    it('changes nothing, not even the version, when nothing differs', () => {
      const sut = draftBy();
      expect(sut.edit('u1', { themes: ['km'] }, t1)).toEqual({});
      expect(sut.version).toBe(1);
    });

    it('refuses someone off the team, and any edit once submitted', () => {
      const sut = draftBy();
      expect(errorOf(() => sut.edit('u2', { title: 'Hijack' }, t1)).code).toBe(IdeaErrorCode.NotOnTeam);
      sut.transition({ userId: 'u1', roles: ['staff'] }, 'submitted', null, t1, noPendingReview);
      const error = errorOf(() => sut.edit('u1', { title: 'Late change' }, t1));
      expect([error.code, error.status]).toEqual([IdeaErrorCode.NotEditable, 409]);
    });
  });

  describe('transition rules beyond the graph', () => {
    const admin: Actor = { userId: 'adm', roles: ['ikmu_admin'] };

    it('stamps the submission time', () => {
      const sut = draftBy();
      sut.transition({ userId: 'u1', roles: ['staff'] }, 'submitted', null, t1, noPendingReview);
      expect(sut).toMatchObject({ status: 'submitted', submittedAt: t1, version: 2 });
    });

    it('requires written feedback for not_pursued', () => {
      const sut = ideaIn('in_review');
      for (const reason of [null, '', '   ']) {
        expect(errorOf(() => sut.transition(admin, 'not_pursued', reason, t1, noPendingReview)).code).toBe(IdeaErrorCode.FeedbackRequired);
      }
      expect(sut.status).toBe('in_review');
      expect(sut.transition(admin, 'not_pursued', '  Out of scope this biennium ', t1, noPendingReview).reason).toBe('Out of scope this biennium');
    });

    it('refuses acceptance while assigned reviewers have not scored', () => {
      const sut = ideaIn('in_review');
      const error = errorOf(() => sut.transition(admin, 'accepted', null, t1, { pendingReviewers: ['r2'] }));
      expect([error.code, error.toProblem().reviewersPending]).toEqual([IdeaErrorCode.ReviewIncomplete, ['r2']]);
    });

    it('names the transitions allowed from the current state, and those allowed to the caller', () => {
      const error = errorOf(() => ideaIn('submitted').transition({ userId: 'author', roles: ['staff'] }, 'adopted', null, t1, noPendingReview));
      expect(error.toProblem()).toMatchObject({
        allowedTransitions: ['in_review', 'not_pursued', 'withdrawn'],
        allowedForYou: ['withdrawn'],
      });
    });

    it('refuses a stale version', () => {
      const sut = draftBy();
      expect(() => sut.assertVersion(undefined)).not.toThrow();
      expect(() => sut.assertVersion(1)).not.toThrow();
      expect(errorOf(() => sut.assertVersion(2)).status).toBe(412);
    });
  });
});

/**
 * The lifecycle, written out independently of IDEA_TRANSITIONS: each line is a transition and who may
 * make it. `team` is the idea's own team; `reviewer` and `admin` act only on ideas they are not on.
 */
const EXPECTED_LIFECYCLE = `
  draft         -> submitted     : team
  draft         -> withdrawn     : team
  submitted     -> in_review     : reviewer admin
  submitted     -> not_pursued   : reviewer admin
  submitted     -> withdrawn     : team
  in_review     -> accepted      : reviewer admin
  in_review     -> not_pursued   : reviewer admin
  in_review     -> withdrawn     : team
  accepted      -> in_experiment : team admin
  accepted      -> adopted       : admin
  accepted      -> not_pursued   : admin
  accepted      -> withdrawn     : team
  in_experiment -> adopted       : admin
  in_experiment -> not_pursued   : admin
  in_experiment -> withdrawn     : team
  adopted       -> scaled        : admin
  adopted       -> archived      : admin
  scaled        -> archived      : admin
  not_pursued   -> archived      : admin
  withdrawn     -> archived      : admin
`;

const expected = new Map<string, string[]>(
  EXPECTED_LIFECYCLE.trim()
    .split('\n')
    .map((line) => {
      const [, from, to, who] = /^\s*(\w+)\s*->\s*(\w+)\s*:\s*(.+)$/.exec(line)!;
      return [`${from}->${to}`, who.trim().split(/\s+/)];
    }),
);

/**
 * Everyone who may touch an idea, and the capacity each has on it (one’s own idea: team only; an idea
 * one is invited to: none, until one joins).
 */
const PERSONAS: Array<{ name: string; roles: Role[]; userId: string; capacities: string[] }> = [
  { name: 'team member (staff)', roles: ['staff'], userId: 'author', capacities: ['team'] },
  { name: 'team member who is a reviewer', roles: ['staff', 'reviewer'], userId: 'author', capacities: ['team'] },
  { name: 'team member who is an admin', roles: ['staff', 'ikmu_admin'], userId: 'author', capacities: ['team'] },
  { name: 'invitee who is a reviewer', roles: ['staff', 'reviewer'], userId: 'invitee', capacities: [] },
  { name: 'invitee who is an admin', roles: ['staff', 'ikmu_admin'], userId: 'invitee', capacities: [] },
  { name: 'other staff', roles: ['staff'], userId: 'outsider', capacities: [] },
  { name: 'reviewer', roles: ['staff', 'reviewer'], userId: 'outsider', capacities: ['reviewer'] },
  { name: 'admin', roles: ['ikmu_admin'], userId: 'outsider', capacities: ['admin'] },
  { name: 'facilitator', roles: ['facilitator'], userId: 'outsider', capacities: [] },
];

const cases = IDEA_STATUSES.flatMap((from) =>
  IDEA_STATUSES.flatMap((to) =>
    PERSONAS.map((persona) => {
      const who = expected.get(`${from}->${to}`);
      const outcome = !who ? 'invalid' : who.some((capacity) => persona.capacities.includes(capacity)) ? 'allowed' : 'forbidden';
      return { from, to, persona: persona.name, roles: persona.roles, userId: persona.userId, outcome };
    }),
  ),
);

describe('the lifecycle, every state × every target × every role', () => {
  it('covers 10 states, 100 pairs and 900 cases', () => {
    expect(cases).toHaveLength(IDEA_STATUSES.length * IDEA_STATUSES.length * PERSONAS.length);
  });

  it.each(cases)('$from → $to by $persona: $outcome', ({ from, to, roles, userId, outcome }) => {
    const sut = ideaIn(from);
    sut.team = [...sut.team, { userId: 'invitee', role: 'coauthor', status: 'invited', invitedBy: 'author', invitedAt: t0.toISOString(), joinedAt: null }];
    const actor: Actor = { userId, roles };
    const act = () => sut.transition(actor, to, 'the reason, written', t1, noPendingReview);
    if (outcome === 'allowed') {
      expect(act()).toEqual({ from, to, reason: 'the reason, written' });
      expect([sut.status, sut.version]).toEqual([to, 2]);
      return;
    }
    const error = errorOf(act);
    expect(error.code).toBe(outcome === 'invalid' ? IdeaErrorCode.InvalidTransition : IdeaErrorCode.TransitionForbidden);
    expect(error.status).toBe(outcome === 'invalid' ? 409 : 403);
    expect([sut.status, sut.version]).toEqual([from, 1]);
  });
});
