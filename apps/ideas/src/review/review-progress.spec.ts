import { Idea } from '../idea/idea.entity.js';
import { independentReviewers } from './review-progress.js';

const now = new Date('2026-01-01T00:00:00Z');

describe('independentReviewers', () => {
  it('leaves out members and invitees of the idea, in whatever order they were assigned and joined', () => {
    const idea = Idea.draft({ userId: 'author' }, { title: 't', problem: 'p', proposal: 'q', themes: [], challengeId: null, expectedBenefits: null, knowledgeAssetIds: [] }, now);
    idea.inviteCoauthor('author', 'joined', now, []);
    idea.acceptInvitation('joined', now, []);
    idea.inviteCoauthor('author', 'invited', now, []);
    const sut = independentReviewers(idea, ['author', 'invited', 'joined', 'r1', 'r2']);
    expect(sut).toEqual(['r1', 'r2']);
  });
});
