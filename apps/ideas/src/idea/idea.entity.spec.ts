import { IDEA_STATUSES } from '#ikm/contracts';
import { Idea } from './idea.entity.js';
import { IdeaError, IdeaErrorCode } from './idea.errors.js';
import { IDEA_TRANSITIONS } from './idea-lifecycle.js';

const content = { title: 'Shared translation memory', problem: 'Duplicated work', proposal: 'One memory', themes: ['km'] };
const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-01-02T00:00:00Z');

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
  it('starts as a version-1 draft of its author', () => {
    const sut = Idea.draft('u1', content, t0);
    expect(sut).toMatchObject({ ...content, status: 'draft', authorId: 'u1', version: 1, submittedAt: null });
    expect(sut.createdAt).toEqual(t0);
  });

  it('is visible to its author only while a draft', () => {
    const sut = Idea.draft('u1', content, t0);
    expect(sut.isVisibleTo('u1')).toBe(true);
    expect(sut.isVisibleTo('u2')).toBe(false);
    sut.submit('u1', t1);
    expect(sut.isVisibleTo('u2')).toBe(true);
  });

  describe('edit', () => {
    it('applies only what changed and bumps the version', () => {
      const sut = Idea.draft('u1', content, t0);
      const applied = sut.edit('u1', { title: 'New title', problem: content.problem }, t1);
      expect(applied).toEqual({ title: 'New title' });
      expect(sut).toMatchObject({ title: 'New title', version: 2, updatedAt: t1 });
    });

    it('changes nothing, not even the version, when nothing differs', () => {
      const sut = Idea.draft('u1', content, t0);
      expect(sut.edit('u1', { themes: ['km'] }, t1)).toEqual({});
      expect(sut.version).toBe(1);
      expect(sut.updatedAt).toEqual(t0);
    });

    it('refuses another user', () => {
      const sut = Idea.draft('u1', content, t0);
      expect(errorOf(() => sut.edit('u2', { title: 'Hijack' }, t1)).code).toBe(IdeaErrorCode.NotAuthor);
      expect(sut.title).toBe(content.title);
    });

    it('refuses once submitted', () => {
      const sut = Idea.draft('u1', content, t0);
      sut.submit('u1', t1);
      const error = errorOf(() => sut.edit('u1', { title: 'Late change' }, t1));
      expect(error.code).toBe(IdeaErrorCode.NotEditable);
      expect(error.status).toBe(409);
    });
  });

  describe('submit', () => {
    it('moves a draft to submitted and stamps it', () => {
      const sut = Idea.draft('u1', content, t0);
      sut.submit('u1', t1);
      expect(sut).toMatchObject({ status: 'submitted', submittedAt: t1, version: 2 });
    });

    it('refuses a second submission, naming the transitions allowed from submitted', () => {
      const sut = Idea.draft('u1', content, t0);
      sut.submit('u1', t1);
      const error = errorOf(() => sut.submit('u1', t1));
      expect(error.code).toBe(IdeaErrorCode.InvalidTransition);
      expect(error.toProblem().allowedTransitions).toEqual(['in_review', 'not_pursued', 'withdrawn']);
      expect(sut.version).toBe(2);
    });

    it('refuses another user', () => {
      const sut = Idea.draft('u1', content, t0);
      expect(errorOf(() => sut.submit('u2', t1)).code).toBe(IdeaErrorCode.NotAuthor);
      expect(sut.status).toBe('draft');
    });
  });

  describe('assertVersion', () => {
    it('accepts no expectation or the current version, refuses another', () => {
      const sut = Idea.draft('u1', content, t0);
      expect(() => sut.assertVersion(undefined)).not.toThrow();
      expect(() => sut.assertVersion(1)).not.toThrow();
      expect(errorOf(() => sut.assertVersion(2)).status).toBe(412);
    });
  });
});

describe('IDEA_TRANSITIONS', () => {
  it('covers every status and only leads to known statuses', () => {
    expect(Object.keys(IDEA_TRANSITIONS).sort()).toEqual([...IDEA_STATUSES].sort());
    for (const targets of Object.values(IDEA_TRANSITIONS)) {
      for (const target of targets) expect(IDEA_STATUSES).toContain(target);
    }
  });

  it('never leads back to draft and ends at archived', () => {
    for (const targets of Object.values(IDEA_TRANSITIONS)) expect(targets).not.toContain('draft');
    expect(IDEA_TRANSITIONS.archived).toEqual([]);
  });
});
