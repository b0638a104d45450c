import { MigrationInterface, QueryRunner } from 'typeorm';

/** The deliveries log is pruned by age (WEBHOOK_DELIVERY_RETENTION_DAYS); this finds the old rows without a scan. */
export class WebhookDeliveriesRetention1764000000060 implements MigrationInterface {
  name = 'WebhookDeliveriesRetention1764000000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX webhook_deliveries_at ON webhook_deliveries (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX webhook_deliveries_at`);
  }
}
