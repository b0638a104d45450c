import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, ConfigError } from '@coalition/platform';

/**
 * The JWT signing key comes from JWT_SECRET. The embedded default generates one on first start
 * and keeps it under the data directory (mode 600), so tokens survive a restart.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (!config.embedded) throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required (32+ characters) when DATABASE_URL and KAFKA_BROKERS are set');
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
