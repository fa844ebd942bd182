import { Global, Module } from '@nestjs/common';
import { CountsUsageInterceptor } from './counts-usage.interceptor.js';
import { UsageRecorder } from './usage-recorder.js';

/** The recorder behind `@CountsUsage()`, global so that the assets' and the files' controllers count through one buffer. */
@Global()
@Module({ providers: [UsageRecorder, CountsUsageInterceptor], exports: [UsageRecorder, CountsUsageInterceptor] })
export class UsageRecordingModule {}
