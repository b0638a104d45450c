import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityReadModels1764000000002 implements MigrationInterface {
  name = 'IdentityReadModels1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_member_states (
        code        char(2) PRIMARY KEY,
        name        text NOT NULL,
        population  bigint NOT NULL
      )`);
    await q.query(`
      CREATE TABLE rm_users (
        id            text PRIMARY KEY,
        username      text NOT NULL UNIQUE,
        display_name  text NOT NULL,
        roles         text[] NOT NULL,
        state_code    char(2),
        active        boolean NOT NULL,
        created_at    timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_users`);
    await q.query(`DROP TABLE rm_member_states`);
  }
}
