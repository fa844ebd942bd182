import type { Role } from '#ikm/auth';
import { assertExpectedVersion } from '#ikm/domain';
import type { IdeaStatus } from '#ikm/contracts';
import type { Transition as LifecycleTransition } from '#ikm/lifecycle';
import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdeaError } from './idea.errors.js';
import { IDEA_LIFECYCLE, type Capacity, type Relation } from './idea-lifecycle.js';
import { IDEA_TEAM, reviewersBarred, type TeamMember } from './idea-team.js';

export interface ExpectedBenefits {
  description: string;
  annualSavingsUsd: number | null;
  staffHours: number | null;
}

export interface IdeaContent {
  title: string;
  problem: string;
  proposal: string;
  themes: string[];
  challengeId: string | null;
  expectedBenefits: ExpectedBenefits | null;
  knowledgeAssetIds: string[];
}

export type IdeaChanges = Partial<IdeaContent>;

/** Who acts, as the token says. */
export interface Actor {
  userId: string;
  roles: readonly Role[];
}

export type Transition = LifecycleTransition<IdeaStatus>;

const EDITABLE_FIELDS = ['title', 'problem', 'proposal', 'themes', 'challengeId', 'expectedBenefits', 'knowledgeAssetIds'] as const;

@Entity('ideas')
export class Idea {
  @PrimaryColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('text') problem: string;
  @Column('text') proposal: string;
  @Column('text', { array: true }) themes: string[];
  @Column('uuid', { name: 'challenge_id', nullable: true }) challengeId: string | null;
  @Column('jsonb', { name: 'expected_benefits', nullable: true }) expectedBenefits: ExpectedBenefits | null;
  @Column('text', { name: 'knowledge_asset_ids', array: true }) knowledgeAssetIds: string[];
  @Column('text') status: IdeaStatus;
  @Column('text', { name: 'author_id' }) authorId: string;
  @Column('text', { name: 'origin_unit', nullable: true }) originUnit: string | null;
  @Column('text', { nullable: true }) region: string | null;
  /** Author and co-authors; kept on the row so that team checks and changes lock with the idea. */
  @Column('jsonb') team: TeamMember[];
  /** Maintained by the endorsement use cases with atomic increments, never from the entity. */
  @Column({ type: 'integer', name: 'endorsement_count', insert: false, update: false }) endorsementCount: number;
  /** Incremented by every change; the ETag of the idea and the version carried by its events. */
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;

  static draft(author: { userId: string; unit?: string; region?: string }, content: IdeaContent, now: Date): Idea {
    const idea = new Idea();
    Object.assign(idea, {
      id: randomUUID(),
      ...content,
      status: 'draft',
      authorId: author.userId,
      originUnit: author.unit ?? null,
      region: author.region ?? null,
      team: IDEA_TEAM.founding(author.userId, 'author', now),
      endorsementCount: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
    });
    return idea;
  }

  /** Author and co-authors who accepted. */
  members(): string[] {
    return IDEA_TEAM.of(this.team).members();
  }

  isOnTeam(userId: string): boolean {
    return IDEA_TEAM.of(this.team).isMember(userId);
  }

  /** On the team or invited to it: such a person never reviews or otherwise judges the idea. */
  hasStake(userId: string): boolean {
    return IDEA_TEAM.of(this.team).hasStake(userId);
  }

  /** Drafts are private to their team (and to whoever is invited to join it) until submitted. */
  isVisibleTo(userId: string): boolean {
    return this.status !== 'draft' || this.hasStake(userId);
  }

  relationOf(userId: string): Relation {
    const team = IDEA_TEAM.of(this.team);
    if (team.isMember(userId)) return 'member';
    return team.isInvited(userId) ? 'invitee' : 'outsider';
  }

  capacitiesOf(actor: Actor): Capacity[] {
    return IDEA_LIFECYCLE.capacitiesOf(actor.roles, this.relationOf(actor.userId));
  }

  /** The transitions this actor could make now. */
  transitionsFor(actor: Actor): string[] {
    return IDEA_LIFECYCLE.movesFor(this.status, this.capacitiesOf(actor));
  }

  assertVersion(expected: number | undefined): void {
    assertExpectedVersion(expected, this.version, (expectedVersion, actual) => IdeaError.versionMismatch(this.id, expectedVersion, actual));
  }

  assertOnTeam(userId: string): void {
    if (!this.isOnTeam(userId)) throw IdeaError.notOnTeam(this.id);
  }

  /** Others comment on and endorse an idea once its team has submitted it. */
  assertOpenForEngagement(): void {
    if (this.status === 'draft') throw IdeaError.notOpenForEngagement(this.id);
  }

  assertStatus(needed: IdeaStatus[], action: string): void {
    if (!needed.includes(this.status)) throw IdeaError.wrongStatus(this.id, this.status, needed, action);
  }

  /** Applies the changes that differ from the current content; returns them (empty when nothing changed). */
  edit(userId: string, changes: IdeaChanges, now: Date): IdeaChanges {
    this.assertOnTeam(userId);
    if (this.status !== 'draft') throw IdeaError.notEditable(this.id, this.status);
    const applied: IdeaChanges = {};
    for (const key of EDITABLE_FIELDS) {
      const value = changes[key];
      if (value === undefined || JSON.stringify(value) === JSON.stringify(this[key])) continue;
      Object.assign(applied, { [key]: value });
    }
    if (Object.keys(applied).length === 0) return applied;
    Object.assign(this, applied);
    this.touch(now);
    return applied;
  }

  /**
   * Moves the idea along its lifecycle if the actor may, recording nothing itself: the use case
   * writes the history row and the event from the returned transition.
   */
  transition(actor: Actor, to: IdeaStatus, reason: string | null, now: Date, review: { pendingReviewers: string[] }): Transition {
    const from = this.status;
    const refusal = IDEA_LIFECYCLE.refusalOf(from, to, this.capacitiesOf(actor));
    if (refusal) throw IdeaError.transitionRefused(this.id, refusal);
    const feedback = reason?.trim() || null;
    if (to === 'not_pursued' && !feedback) throw IdeaError.feedbackRequired(this.id);
    if (to === 'accepted' && review.pendingReviewers.length > 0) throw IdeaError.reviewIncomplete(this.id, review.pendingReviewers);
    this.status = to;
    if (to === 'submitted') this.submittedAt = now;
    this.touch(now);
    return { from, to, reason: feedback };
  }

  /**
   * `reviewers` are those assigned to review the idea: none of them may join its team, whichever came
   * first, since nobody reviews an idea they are on the team of (and an assignment is the
   * administrator's decision, not the team's to undo by recruiting the reviewer).
   */
  inviteCoauthor(invitedBy: string, userId: string, now: Date, reviewers: readonly string[]): void {
    const change = IDEA_TEAM.of(this.team).invite(invitedBy, userId, 'coauthor', now, reviewersBarred(reviewers));
    if (change.refusal) throw IdeaError.teamRefused(this.id, change.refusal);
    this.assertStatus(['draft', 'submitted', 'in_review', 'accepted', 'in_experiment'], 'inviting a co-author');
    this.team = change.members;
    this.touch(now);
  }

  /** `reviewers` as for an invitation: an invitation older than the assignment cannot be accepted either. */
  acceptInvitation(userId: string, now: Date, reviewers: readonly string[]): void {
    const change = IDEA_TEAM.of(this.team).accept(userId, now, reviewersBarred(reviewers));
    if (change.refusal) throw IdeaError.teamRefused(this.id, change.refusal);
    this.team = change.members;
    this.touch(now);
  }

  private touch(now: Date): void {
    this.version += 1;
    this.updatedAt = now;
  }
}
