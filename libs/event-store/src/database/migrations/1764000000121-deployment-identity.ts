import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A random identity for this deployment, made once with its database: the issuer and audience
 * of the access tokens it signs (unless DEPLOYMENT_ID names one), so two deployments that share a
 * JWT_SECRET still refuse each other's tokens.
 */
export class DeploymentIdentity1764000000121 implements MigrationInterface {
  name = 'DeploymentIdentity1764000000121';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE deployment_identity (id text PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO deployment_identity (id) VALUES (gen_random_uuid()::text)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deployment_identity`);
  }
}
