import { Module } from '@nestjs/common';
import { ProjectionModule } from '../projection/projection.module.js';
import { EventLogConsumer } from './event-log.consumer.js';
import { EventLogRepository } from './event-log.repository.js';
import { RecordEventUseCase } from './use-cases/record-event.use-case.js';

@Module({
  imports: [ProjectionModule],
  controllers: [EventLogConsumer],
  providers: [EventLogRepository, RecordEventUseCase],
  exports: [EventLogRepository],
})
export class EventLogModule {}
