import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (the read model, each webhook's delivery cursor, the deliveries log) and the audit
 * chain heads the worker has published.
 */
export class AuditAndIntegration1764000000040 implements MigrationInterface {
  name = 'AuditAndIntegration1764000000040';

  async up(q: QueryRunner): Promise<void> {
    // The read model behind GET /webhooks. The secret is not here: deliveries read it from the
    // webhook's own stream, so no query of this table can ever return it.
    await q.query(`
      CREATE TABLE rm_webhooks (
        id                   text PRIMARY KEY,
        owner_id             text NOT NULL,
        state_code           char(2),
        url                  text NOT NULL,
        event_types          text[] NOT NULL,
        status               text NOT NULL,
        disabled_reason      text,
        created_at           timestamptz NOT NULL,
        updated_at           timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_webhooks_owner ON rm_webhooks (owner_id)`);
    // Worker state, not a read model (a projection rebuild must not rewind it): the last
    // position each webhook has dealt with, the failures of the event after it, and a lease so
    // only one worker delivers a given webhook at a time.
    await q.query(`
      CREATE TABLE webhook_dispatch (
        webhook_id       text PRIMARY KEY,
        position         bigint NOT NULL,
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz,
        claimed_until    timestamptz,
        claimed_by       text
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id               bigserial PRIMARY KEY,
        webhook_id       text NOT NULL,
        event_id         uuid NOT NULL,
        position         bigint NOT NULL,
        attempt          integer NOT NULL,
        status           text NOT NULL,
        response_status  integer,
        error            text,
        duration_ms      integer NOT NULL,
        at               timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id DESC)`);
    await q.query(`
      CREATE TABLE audit_checkpoints (
        position      bigint PRIMARY KEY,
        hash          char(64) NOT NULL,
        time          timestamptz NOT NULL,
        published_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_checkpoints`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_dispatch`);
    await q.query(`DROP TABLE rm_webhooks`);
  }
}
