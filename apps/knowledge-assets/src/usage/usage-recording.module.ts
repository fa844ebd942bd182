import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CountsUsageInterceptor } from './counts-usage.interceptor.js';
import { UsageRecorder } from './usage-recorder.js';
import { USAGE_SETTINGS, type UsageSettings } from './usage.config.js';

/** The recorder behind `@CountsUsage()`, global so that the assets' and the files' controllers count through one buffer. */
@Global()
@Module({})
export class UsageRecordingModule {
  static register(settings: UsageSettings): DynamicModule {
    return {
      module: UsageRecordingModule,
      providers: [{ provide: USAGE_SETTINGS, useValue: settings }, UsageRecorder, CountsUsageInterceptor],
      exports: [UsageRecorder, CountsUsageInterceptor],
    };
  }
}
