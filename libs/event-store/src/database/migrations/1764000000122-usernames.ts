import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usernames, taken once each (any case), mapped to the user's id. User ids used to be derived
 * from the username, which made the id (seen by every principal as `castBy`, `actorid`...) a
 * dictionary away from the username; new users get random ids, so uniqueness moves here. A row is
 * written in the same transaction as its `UserRegistered` event, so it never lags; existing users,
 * whose ids stay what they were, are taken from their events.
 */
export class Usernames1764000000122 implements MigrationInterface {
  name = 'Usernames1764000000122';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE usernames (username_key text PRIMARY KEY, user_id text NOT NULL UNIQUE)`);
    await q.query(`
      INSERT INTO usernames (username_key, user_id)
      SELECT lower(data->>'username'), data->>'userId' FROM events WHERE type = 'UserRegistered' ORDER BY position
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE usernames`);
  }
}
