import type { Admin, Kafka } from 'kafkajs';

/**
 * Asks the broker for its cluster description, bounded in time so a health probe never hangs.
 * Not critical for readiness: writes still commit to the outbox and reads still work while the
 * broker is away, so taking the service out of rotation would only add an outage.
 */
export class KafkaHealth {
  readonly name = 'kafka';
  readonly critical = false;

  private admin?: Admin;

  constructor(private readonly kafka: Kafka, private readonly timeoutMs = 2_000) {}

  async check(): Promise<{ up: boolean; detail?: string }> {
    try {
      const admin = await this.connectedAdmin();
      const cluster = await Promise.race([
        admin.describeCluster(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), this.timeoutMs).unref()),
      ]);
      return { up: true, detail: `${cluster.brokers.length} broker(s)` };
    } catch (error) {
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      return { up: false, detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}
