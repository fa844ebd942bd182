import { kafkaScript } from '../../../scripts/platform.js';
import { KAFKA_SCRIPT_ENV } from './test-environment.js';

export default async function globalTeardown(): Promise<void> {
  kafkaScript('stop', KAFKA_SCRIPT_ENV);
}
