import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Resource sharing: the locator that finds a pledge, request, offer or reimbursement's pool
 * stream by id (written in the append's own transaction, so never stale), and the read models.
 * Quantities are integer hundredths of the unit and money integer cents, as in the events.
 */
export class ResourceSharing1764000000020 implements MigrationInterface {
  name = 'ResourceSharing1764000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resource_locator (
        id             text PRIMARY KEY,
        kind           text NOT NULL CHECK (kind IN ('pledge', 'request', 'offer', 'reimbursement')),
        stream_id      text NOT NULL,
        compact_id     text NOT NULL,
        resource_type  text NOT NULL,
        state_code     char(2) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rm_resource_pledges (
        id             text PRIMARY KEY,
        compact_id     text NOT NULL,
        state_code     char(2) NOT NULL,
        resource_type  text NOT NULL,
        unit           text NOT NULL,
        quantity       bigint NOT NULL,
        reserved       bigint NOT NULL DEFAULT 0,
        status         text NOT NULL,
        note           text,
        created_at     timestamptz NOT NULL,
        withdrawn_at   timestamptz
      )`);
    await q.query(`CREATE INDEX rm_resource_pledges_compact ON rm_resource_pledges (compact_id)`);
    await q.query(`
      CREATE TABLE rm_resource_requests (
        id             text PRIMARY KEY,
        compact_id     text NOT NULL,
        state_code     char(2) NOT NULL,
        resource_type  text NOT NULL,
        unit           text NOT NULL,
        quantity       bigint NOT NULL,
        accepted       bigint NOT NULL DEFAULT 0,
        status         text NOT NULL,
        justification  text NOT NULL,
        needed_by      text,
        created_at     timestamptz NOT NULL,
        cancelled_at   timestamptz
      )`);
    await q.query(`CREATE INDEX rm_resource_requests_compact ON rm_resource_requests (compact_id)`);
    await q.query(`
      CREATE TABLE rm_resource_offers (
        id                   text PRIMARY KEY,
        compact_id           text NOT NULL,
        request_id           text NOT NULL,
        pledge_id            text NOT NULL,
        state_code           char(2) NOT NULL,
        requesting_state     char(2) NOT NULL,
        resource_type        text NOT NULL,
        unit                 text NOT NULL,
        quantity             bigint NOT NULL,
        status               text NOT NULL,
        cost_estimate_cents  bigint,
        cost_currency        text,
        terms                text,
        decline_reason       text,
        created_at           timestamptz NOT NULL,
        accepted_at          timestamptz,
        closed_at            timestamptz,
        received_at          timestamptz
      )`);
    await q.query(`CREATE INDEX rm_resource_offers_request ON rm_resource_offers (request_id, created_at)`);
    await q.query(`CREATE INDEX rm_resource_offers_compact ON rm_resource_offers (compact_id)`);
    await q.query(`
      CREATE TABLE rm_resource_reimbursements (
        id            text PRIMARY KEY,
        offer_id      text NOT NULL,
        compact_id    text NOT NULL,
        state_code    char(2) NOT NULL,
        payer_state   char(2) NOT NULL,
        amount_cents  bigint NOT NULL,
        currency      text NOT NULL,
        categories    jsonb NOT NULL,
        status        text NOT NULL,
        claimed_at    timestamptz NOT NULL,
        approved_at   timestamptz,
        paid_at       timestamptz
      )`);
    await q.query(`CREATE INDEX rm_resource_reimbursements_offer ON rm_resource_reimbursements (offer_id, claimed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_resource_reimbursements`);
    await q.query(`DROP TABLE rm_resource_offers`);
    await q.query(`DROP TABLE rm_resource_requests`);
    await q.query(`DROP TABLE rm_resource_pledges`);
    await q.query(`DROP TABLE resource_locator`);
  }
}
