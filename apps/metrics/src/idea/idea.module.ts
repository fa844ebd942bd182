import { Module } from '@nestjs/common';
import { EventLogRepository } from '../event-log/event-log.repository.js';
import { FunnelModule } from '../funnel/funnel.module.js';
import { IdeaConsumer } from './idea.consumer.js';
import { RecordIdeaEventUseCase } from './use-cases/record-idea-event.use-case.js';

@Module({
  imports: [FunnelModule],
  controllers: [IdeaConsumer],
  providers: [EventLogRepository, RecordIdeaEventUseCase],
})
export class IdeaModule {}
