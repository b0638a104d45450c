import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model of joint legal responses: one row per action, its signatures (withdrawn ones kept) and developments. */
export class LegalActions1764000000030 implements MigrationInterface {
  name = 'LegalActions1764000000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_legal_actions (
        id                       text PRIMARY KEY,
        kind                     text NOT NULL,
        title                    text NOT NULL,
        summary                  text NOT NULL,
        forum                    text NOT NULL,
        lead_state               char(2) NOT NULL,
        status                   text NOT NULL,
        sign_on_deadline         timestamptz NOT NULL,
        compact_id               text,
        opened_at                timestamptz NOT NULL,
        opened_by                text NOT NULL,
        filing                   jsonb,
        signatories_at_deadline  jsonb,
        outcome                  text,
        outcome_summary          text,
        closed_at                timestamptz,
        version                  integer NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_legal_actions_opened ON rm_legal_actions (opened_at DESC, id)`);
    // Keyed by the position of the signing event: a state may sign, withdraw and sign again.
    await q.query(`
      CREATE TABLE rm_legal_action_signatures (
        position         bigint PRIMARY KEY,
        legal_action_id  text NOT NULL,
        state_code       char(2) NOT NULL,
        signed_at        timestamptz NOT NULL,
        signed_by        text NOT NULL,
        withdrawn_at     timestamptz,
        withdrawn_by     text
      )`);
    await q.query(`CREATE INDEX rm_legal_action_signatures_action ON rm_legal_action_signatures (legal_action_id, signed_at)`);
    await q.query(`
      CREATE TABLE rm_legal_action_developments (
        id               text PRIMARY KEY,
        legal_action_id  text NOT NULL,
        kind             text NOT NULL,
        occurred_on      date NOT NULL,
        summary          text NOT NULL,
        document_sha256  char(64),
        state_code       char(2) NOT NULL,
        recorded_at      timestamptz NOT NULL,
        recorded_by      text NOT NULL,
        position         bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_legal_action_developments_action ON rm_legal_action_developments (legal_action_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_legal_action_developments`);
    await q.query(`DROP TABLE rm_legal_action_signatures`);
    await q.query(`DROP TABLE rm_legal_actions`);
  }
}
