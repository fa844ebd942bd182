import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AFTER_ACTION_REVIEW_TOPIC, AfterActionReviewPublishedV1, AnswerAcceptedV1, EXPERIMENT_TOPIC, ExperimentConcludedV1, IDEA_TOPIC, IdeaAdoptedV1, QUESTION_TOPIC, type EventData } from '#ikm/contracts';
import { InboxConsumer, InboxContext, type ConsumedEvent } from '#ikm/messaging';
import { goodPracticeFromAcceptedAnswer, goodPracticeFromAdoption, lessonFromAfterActionReview, lessonFromExperiment } from './capture-rules.js';
import { CaptureDraftUseCase } from './use-cases/capture-draft.use-case.js';

/**
 * Automatic capture: the events that become drafts (capture-rules.ts), each handled in the inbox's
 * transaction, so an event is captured once (the inbox) and a source once (the assets' unique source).
 * Other event types of these topics are not for this service and are skipped.
 */
@InboxConsumer()
export class CaptureConsumer {
  constructor(private readonly capture: CaptureDraftUseCase) {}

  @EventPattern<string>(EXPERIMENT_TOPIC)
  async onExperimentEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    if (event.type !== ExperimentConcludedV1.type) return;
    const draft = lessonFromExperiment(event as ConsumedEvent<EventData<typeof ExperimentConcludedV1>>);
    if (draft) await this.capture.execute(context.manager, draft);
  }

  @EventPattern<string>(IDEA_TOPIC)
  async onIdeaEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    if (event.type !== IdeaAdoptedV1.type) return;
    await this.capture.execute(context.manager, goodPracticeFromAdoption(event as ConsumedEvent<EventData<typeof IdeaAdoptedV1>>));
  }

  @EventPattern<string>(AFTER_ACTION_REVIEW_TOPIC)
  async onAfterActionReviewEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    if (event.type !== AfterActionReviewPublishedV1.type) return;
    await this.capture.execute(context.manager, lessonFromAfterActionReview(event as ConsumedEvent<EventData<typeof AfterActionReviewPublishedV1>>));
  }

  @EventPattern<string>(QUESTION_TOPIC)
  async onQuestionEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    if (event.type !== AnswerAcceptedV1.type) return;
    await this.capture.execute(context.manager, goodPracticeFromAcceptedAnswer(event as ConsumedEvent<EventData<typeof AnswerAcceptedV1>>));
  }
}
