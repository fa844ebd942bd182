import { Module } from '@nestjs/common';
import { ProjectionModule } from '../projection/projection.module.js';
import { EventLogRepository } from './event-log.repository.js';
import { RecordEventUseCase } from './use-cases/record-event.use-case.js';

@Module({
  imports: [ProjectionModule],
  providers: [EventLogRepository, RecordEventUseCase],
  exports: [EventLogRepository, RecordEventUseCase],
})
export class EventLogModule {}
