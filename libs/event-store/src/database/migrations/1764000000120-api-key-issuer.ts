import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who issued each API key, for its managers' listing and for revoking a deactivated user's keys.
 * Keys issued before `ApiKeyIssued` recorded `issuedBy` take it from the event's metadata actor,
 * which every event has carried from the start.
 */
export class ApiKeyIssuer1764000000120 implements MigrationInterface {
  name = 'ApiKeyIssuer1764000000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_api_keys ADD COLUMN issued_by text`);
    await q.query(`
      UPDATE rm_api_keys k
         SET issued_by = COALESCE(e.data->>'issuedBy', e.metadata->'actor'->>'id')
        FROM events e
       WHERE e.type = 'ApiKeyIssued' AND e.data->>'keyId' = k.id`);
    await q.query(`CREATE INDEX rm_api_keys_issued_by ON rm_api_keys (issued_by) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rm_api_keys_issued_by`);
    await q.query(`ALTER TABLE rm_api_keys DROP COLUMN issued_by`);
  }
}
