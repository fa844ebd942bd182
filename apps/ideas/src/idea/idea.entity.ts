import type { IdeaStatus } from '#ikm/contracts';
import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdeaError } from './idea.errors.js';
import { IDEA_TRANSITIONS, canTransition } from './idea-lifecycle.js';

export interface IdeaContent {
  title: string;
  problem: string;
  proposal: string;
  themes: string[];
}

export type IdeaChanges = Partial<IdeaContent>;

@Entity('ideas')
export class Idea {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text')
  problem: string;

  @Column('text')
  proposal: string;

  @Column('text', { array: true })
  themes: string[];

  @Column('text')
  status: IdeaStatus;

  @Column('text', { name: 'author_id' })
  authorId: string;

  /** Incremented by every change; the ETag of the idea and the version carried by its events. */
  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  static draft(authorId: string, content: IdeaContent, now: Date): Idea {
    const idea = new Idea();
    Object.assign(idea, {
      id: randomUUID(),
      ...content,
      status: 'draft',
      authorId,
      version: 1,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
    });
    return idea;
  }

  /** Drafts are private to their author until submitted. */
  isVisibleTo(userId: string): boolean {
    return this.status !== 'draft' || this.authorId === userId;
  }

  assertVersion(expected: number | undefined): void {
    if (expected !== undefined && expected !== this.version) throw IdeaError.versionMismatch(this.id, expected, this.version);
  }

  /** Applies the changes that differ from the current content; returns them (empty when nothing changed). */
  edit(userId: string, changes: IdeaChanges, now: Date): IdeaChanges {
    this.assertAuthor(userId);
    if (this.status !== 'draft') throw IdeaError.notEditable(this.id, this.status);
    const applied: IdeaChanges = {};
    for (const key of ['title', 'problem', 'proposal', 'themes'] as const) {
      const value = changes[key];
      if (value === undefined || JSON.stringify(value) === JSON.stringify(this[key])) continue;
      Object.assign(applied, { [key]: value });
    }
    if (Object.keys(applied).length === 0) return applied;
    Object.assign(this, applied);
    this.touch(now);
    return applied;
  }

  submit(userId: string, now: Date): void {
    this.assertAuthor(userId);
    this.transitionTo('submitted', now);
    this.submittedAt = now;
  }

  private transitionTo(target: IdeaStatus, now: Date): void {
    if (!canTransition(this.status, target)) {
      throw IdeaError.invalidTransition(this.id, this.status, target, IDEA_TRANSITIONS[this.status]);
    }
    this.status = target;
    this.touch(now);
  }

  private assertAuthor(userId: string): void {
    if (this.authorId !== userId) throw IdeaError.notAuthor(this.id);
  }

  private touch(now: Date): void {
    this.version += 1;
    this.updatedAt = now;
  }
}
