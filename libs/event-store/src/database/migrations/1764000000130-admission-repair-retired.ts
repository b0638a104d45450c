import { MigrationInterface } from 'typeorm';

/**
 * A join request now records the application and its admission proposal in one append, so the
 * `admission-repair` deadline that mended a crash between two appends is gone. Its rows that
 * would mend nothing are deleted: those that fired, and those whose proposal exists. A row whose
 * proposal never opened (a join cut short just before the upgrade) is kept: no handler claims
 * it, and docs/operations.md (Upgrades and migrations) says how to let the previous worker mend
 * it. Events are not touched: an admission proposal a repair opened stays as it was recorded.
 */
export class AdmissionRepairRetired1764000000130 implements MigrationInterface {
  name = 'AdmissionRepairRetired1764000000130';

  async up(q: { query(sql: string): Promise<unknown> }): Promise<void> {
    await q.query(`
      DELETE FROM deadlines d
       WHERE d.kind = 'admission-repair'
         AND (d.fired_at IS NOT NULL OR EXISTS (SELECT 1 FROM events e WHERE e.stream_id = 'proposal-' || (d.payload->>'proposalId')))`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the previous build schedules its repairs again from new applications.
  }
}
