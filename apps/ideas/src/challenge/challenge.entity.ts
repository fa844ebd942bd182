import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface Criterion {
  key: string;
  name: string;
  weight: number;
}

export type ChallengePhase = 'upcoming' | 'open' | 'closed';

export interface ChallengeContent {
  title: string;
  description: string;
  opensAt: Date;
  closesAt: Date;
  themes: string[];
  criteria: Criterion[];
}

/** Criteria used to score ideas from the always-open channel, which has no challenge of its own. */
export const DEFAULT_CRITERIA: Criterion[] = [
  { key: 'impact', name: 'Impact', weight: 0.4 },
  { key: 'feasibility', name: 'Feasibility', weight: 0.3 },
  { key: 'alignment', name: 'Alignment with priorities', weight: 0.3 },
];

/** A problem posed by a sponsor, open to ideas between two dates and judged on weighted criteria. */
@Entity('challenges')
export class Challenge {
  @PrimaryColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('text') description: string;
  @Column('text', { name: 'sponsor_id' }) sponsorId: string;
  @Column('text', { name: 'sponsor_unit', nullable: true }) sponsorUnit: string | null;
  @Column('timestamptz', { name: 'opens_at' }) opensAt: Date;
  @Column('timestamptz', { name: 'closes_at' }) closesAt: Date;
  @Column('text', { array: true }) themes: string[];
  @Column('jsonb') criteria: Criterion[];
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;

  static pose(sponsor: { userId: string; unit?: string }, content: ChallengeContent, now: Date): Challenge {
    const challenge = new Challenge();
    Object.assign(challenge, {
      id: randomUUID(),
      ...content,
      sponsorId: sponsor.userId,
      sponsorUnit: sponsor.unit ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    return challenge;
  }

  phaseAt(now: Date): ChallengePhase {
    if (now < this.opensAt) return 'upcoming';
    return now < this.closesAt ? 'open' : 'closed';
  }

  /** Applies what differs; returns it. */
  edit(changes: Partial<ChallengeContent>, now: Date): Partial<ChallengeContent> {
    const applied: Partial<ChallengeContent> = {};
    for (const [key, value] of Object.entries(changes) as Array<[keyof ChallengeContent, unknown]>) {
      if (value === undefined || JSON.stringify(value) === JSON.stringify(this[key])) continue;
      Object.assign(applied, { [key]: value });
    }
    if (Object.keys(applied).length === 0) return applied;
    Object.assign(this, applied);
    this.version += 1;
    this.updatedAt = now;
    return applied;
  }
}
