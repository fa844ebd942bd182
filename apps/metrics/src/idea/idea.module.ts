import { Module } from '@nestjs/common';
import { EventLogModule } from '../event-log/event-log.module.js';
import { IdeaConsumer } from './idea.consumer.js';

@Module({
  imports: [EventLogModule],
  controllers: [IdeaConsumer],
})
export class IdeaModule {}
