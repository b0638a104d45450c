import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API keys' read model (lists only: authentication folds the key's own stream) and the
 * failed-login counters, kept in PostgreSQL so that every api process counts the same attempts.
 */
export class ApiKeysAndLoginThrottle1764000000003 implements MigrationInterface {
  name = 'ApiKeysAndLoginThrottle1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_api_keys (
        id          text PRIMARY KEY,
        name        text NOT NULL,
        state_code  char(2) NOT NULL,
        scopes      text[] NOT NULL,
        created_at  timestamptz NOT NULL,
        expires_at  timestamptz,
        revoked_at  timestamptz
      )`);
    await q.query(`CREATE INDEX rm_api_keys_state ON rm_api_keys (state_code, created_at)`);
    // One row per (lower-cased) username: a fixed window that opens at its first failure.
    await q.query(`
      CREATE TABLE login_throttle (
        username           text PRIMARY KEY,
        window_started_at  timestamptz NOT NULL,
        failures           integer NOT NULL
      )`);
    await q.query(`CREATE INDEX login_throttle_window ON login_throttle (window_started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DROP TABLE rm_api_keys`);
  }
}
