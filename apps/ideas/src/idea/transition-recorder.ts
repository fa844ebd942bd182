import { Injectable } from '@nestjs/common';
import { IdeaStatusChangedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import type { EntityManager } from 'typeorm';
import { eventOriginOf } from './idea-events.js';
import { IDEA_HISTORY } from './idea-lifecycle.js';
import type { Idea, Transition } from './idea.entity.js';

/**
 * Writes what every lifecycle transition leaves behind, in the caller's transaction: the history row
 * (who, when, why) and, after submission (which has its own event), the status-changed event.
 */
@Injectable()
export class TransitionRecorder {
  constructor(private readonly outbox: OutboxWriter) {}

  async record(manager: EntityManager, idea: Idea, transition: Transition, actorId: string, at: Date): Promise<void> {
    await IDEA_HISTORY.record(manager, idea.id, transition, actorId, at);
    if (transition.to === 'submitted') return;
    await this.outbox.append(manager, IdeaStatusChangedV1, idea.id, {
      ideaId: idea.id,
      version: idea.version,
      ...eventOriginOf(idea),
      from: transition.from,
      to: transition.to,
      actorId,
      reason: transition.reason,
      changedAt: at.toISOString(),
    });
  }
}
