import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models for compacts, their members, and their proposals with every vote. */
export class CompactsReadModels1764000000010 implements MigrationInterface {
  name = 'CompactsReadModels1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_compacts (
        id                      text PRIMARY KEY,
        title                   text NOT NULL,
        purpose                 text NOT NULL,
        status                  text NOT NULL,
        charter_text            text NOT NULL,
        charter_sha256          char(64) NOT NULL,
        charter_version         integer NOT NULL,
        voting_rule             jsonb NOT NULL,
        min_ratifications       integer NOT NULL,
        withdrawal_notice_days  integer NOT NULL,
        version                 integer NOT NULL,
        drafted_position        bigint NOT NULL
      )`);
    // (joined_position, joined_order) keeps the members in the order they joined, as the
    // aggregate does: founders in the order drafted, then applicants.
    await q.query(`
      CREATE TABLE rm_compact_members (
        compact_id       text NOT NULL,
        state_code       char(2) NOT NULL,
        status           text NOT NULL,
        ratification     jsonb,
        effective_at     timestamptz,
        joined_position  bigint NOT NULL,
        joined_order     integer NOT NULL DEFAULT 0,
        PRIMARY KEY (compact_id, state_code)
      )`);
    await q.query(`
      CREATE TABLE rm_proposals (
        id               text PRIMARY KEY,
        compact_id       text NOT NULL,
        kind             text NOT NULL,
        title            text NOT NULL,
        text             text NOT NULL,
        status           text NOT NULL,
        closes_at        timestamptz NOT NULL,
        proposed_by      char(2) NOT NULL,
        applicant_state  char(2),
        amendment        jsonb,
        voting_rule      jsonb NOT NULL,
        electorate       jsonb NOT NULL,
        tally            jsonb NOT NULL,
        opened_at        timestamptz NOT NULL,
        opened_position  bigint NOT NULL,
        closed_at        timestamptz,
        version          integer NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_proposals_by_compact ON rm_proposals (compact_id, opened_position DESC)`);
    // One row per cast vote (a changed vote is a new row): the list shows every vote.
    await q.query(`
      CREATE TABLE rm_proposal_votes (
        proposal_id  text NOT NULL,
        position     bigint NOT NULL,
        state_code   char(2) NOT NULL,
        choice       text NOT NULL,
        cast_at      timestamptz NOT NULL,
        cast_by      text NOT NULL,
        PRIMARY KEY (proposal_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_proposal_votes`);
    await q.query(`DROP TABLE rm_proposals`);
    await q.query(`DROP TABLE rm_compact_members`);
    await q.query(`DROP TABLE rm_compacts`);
  }
}
