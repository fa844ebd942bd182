import kafkajs from 'kafkajs';
import { isNotYetReady, kafkaLogLevel as sut } from './kafka-log-level.js';

const { logLevel } = kafkajs;

describe('kafkaLogLevel', () => {
  // The lines a fresh broker made kafkajs log as errors while the services started (seen in their logs).
  it.each([
    ['Response InitProducerId(key: 22, version: 1)', "The coordinator is loading and hence can't process requests for this group"],
    ['Response GroupCoordinator(key: 10, version: 2)', 'The group coordinator is not available'],
    ['Response Metadata(key: 3, version: 6)', 'This server does not host this topic-partition'],
    ['Response Metadata(key: 3, version: 6)', 'There is no leader for this topic-partition as we are in the middle of a leadership election'],
    ['Response JoinGroup(key: 11, version: 5)', 'This is not the correct coordinator for this group'],
    ['Response Produce(key: 0, version: 7)', 'This server is not the leader for that topic-partition'],
  ])('makes "%s: %s", which the client retries while the broker gets ready, a warning', (message, error) => {
    expect(sut(logLevel.ERROR, message, error)).toBe('warn');
  });

  it('makes a consumer crash on a broker still loading its coordinator, and its restart, warnings', () => {
    expect(sut(logLevel.ERROR, "Crash: KafkaJSProtocolError: The coordinator is loading and hence can't process requests for this group")).toBe('warn');
    expect(sut(logLevel.ERROR, 'Restarting the consumer in 200ms')).toBe('warn');
  });

  it('makes the answer to a topic creation a warning: ensureTopics expects a topic created meanwhile and throws anything else', () => {
    expect(sut(logLevel.ERROR, 'Response CreateTopics(key: 19, version: 3)', 'Topic creation errors')).toBe('warn');
  });

  it('makes the crash of a consumer that gave up finding a coordinator still loading a warning (seen on a busy machine)', () => {
    expect(sut(logLevel.ERROR, 'Crash: KafkaJSGroupCoordinatorNotFound: Failed to find group coordinator')).toBe('warn');
  });
});

describe('isNotYetReady', () => {
  class KafkaJSGroupCoordinatorNotFound extends Error {
    name = 'KafkaJSGroupCoordinatorNotFound';
  }

  it('tells the errors a starting broker gives, which the inbox consumer restarts past, from the others', () => {
    expect(isNotYetReady(new KafkaJSGroupCoordinatorNotFound('Failed to find group coordinator'))).toBe(true);
    expect(isNotYetReady(new Error('The group coordinator is not available'))).toBe(true);
    expect(isNotYetReady(new Error('Not authorized to access topics: [Topic authorization failed]'))).toBe(false);
  });

  it.each([
    ['Response SaslAuthenticate(key: 36, version: 1)', 'Authentication failed during authentication due to invalid credentials with SASL mechanism'],
    ['Response Produce(key: 0, version: 7)', 'The request included a message larger than the max message size the server will accept'],
    ['Response Metadata(key: 3, version: 6)', 'Not authorized to access topics: [Topic authorization failed]'],
  ])('keeps "%s: %s" an error', (message, error) => {
    expect(sut(logLevel.ERROR, message, error)).toBe('error');
  });

  it('keeps other errors, crashes included, errors', () => {
    expect(sut(logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092')).toBe('error');
    expect(sut(logLevel.ERROR, 'Crash: KafkaJSNonRetriableError: The group is rebalancing, so a rejoin is needed')).toBe('error');
  });

  it('maps the other levels as they are, and the idempotent producer notice to debug', () => {
    expect(sut(logLevel.WARN, 'The group coordinator is not available')).toBe('warn');
    expect(sut(logLevel.INFO, 'Consumer has joined the group')).toBe('info');
    expect(sut(logLevel.DEBUG, 'Request Metadata(key: 3, version: 6)')).toBe('debug');
    expect(sut(logLevel.WARN, 'Limiting retries for the idempotent producer to Number.MAX_SAFE_INTEGER')).toBe('debug');
  });
});
