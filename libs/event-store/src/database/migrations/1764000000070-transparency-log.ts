import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The RFC 9162 Merkle tree over the event log (leaf i is the event at position i + 1), kept
 * as its complete subtrees: `tlog_nodes` (level, idx) is the hash of the 2^level leaves from
 * idx·2^level, written by the append that completes it. That is about two rows per event,
 * and any inclusion or consistency proof for any tree size reads O(log n) of them.
 * `tlog_state.size` is how many leaves the nodes cover: appends extend the tree only while it
 * is level with the log; behind it (an existing store, just migrated), the worker's backfill
 * catches up in batches while the api serves.
 */
export class TransparencyLog1764000000070 implements MigrationInterface {
  name = 'TransparencyLog1764000000070';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tlog_nodes (
        level  smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
        idx    bigint NOT NULL CHECK (idx >= 0),
        hash   bytea NOT NULL CHECK (length(hash) = 32),
        PRIMARY KEY (level, idx)
      )`);
    await q.query(`
      CREATE TABLE tlog_state (
        singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        size       bigint NOT NULL CHECK (size >= 0)
      )`);
    await q.query(`INSERT INTO tlog_state (size) VALUES (0)`);
    await q.query(`
      CREATE TABLE tlog_checkpoints (
        size        bigint PRIMARY KEY,
        root        bytea NOT NULL,
        note        text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE tlog_cosignatures (
        size         bigint NOT NULL REFERENCES tlog_checkpoints(size),
        witness      text NOT NULL,
        line         text NOT NULL,
        cosigned_at  timestamptz NOT NULL,
        PRIMARY KEY (size, witness)
      )`);
    // The size each witness last cosigned, so the next submission names it as "old".
    await q.query(`
      CREATE TABLE tlog_witnesses (
        witness     text PRIMARY KEY,
        size        bigint NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tlog_witnesses`);
    await q.query(`DROP TABLE tlog_cosignatures`);
    await q.query(`DROP TABLE tlog_checkpoints`);
    await q.query(`DROP TABLE tlog_state`);
    await q.query(`DROP TABLE tlog_nodes`);
  }
}
