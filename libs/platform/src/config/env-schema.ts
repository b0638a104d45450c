import { z } from 'zod';
import { ALG_COSIGNATURE_V1, isValidKeyName, parseSignerKey, parseVerifierKey } from '@coalition/transparency-log';
import { claimPath, oidcProviders, vouchee } from './oidc-values';
import { booleanString, httpUrl, parses, wholeNumber } from './values';

/** Every variable the platform reads, each with its check and default. */
export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'must be a comma-separated list of host:port')
    .optional(),
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, 'may hold only letters, digits, ".", "_" and "-"').default(''),
  KAFKA_CLIENT_ID: z.string().min(1).default('coalition'),
  KAFKA_PARTITIONS: wholeNumber(1, 128).default(3),
  PORT: wholeNumber(0, 65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DB_POOL_SIZE: wholeNumber(1, 200).default(10),
  DB_CONNECT_TIMEOUT_MS: wholeNumber(100, 120_000).default(5_000),
  DB_STATEMENT_TIMEOUT_MS: wholeNumber(100, 3_600_000).default(30_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: wholeNumber(1_000, 3_600_000).default(60_000),
  KAFKA_CONNECTION_TIMEOUT_MS: wholeNumber(100, 120_000).default(3_000),
  KAFKA_REQUEST_TIMEOUT_MS: wholeNumber(100, 300_000).default(10_000),
  // The broker refuses sessions below its group.min.session.timeout.ms (6 s by default).
  KAFKA_SESSION_TIMEOUT_MS: wholeNumber(6_000, 300_000).default(30_000),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: wholeNumber(30, 86_400).default(900),
  BOOTSTRAP_ADMIN_USERNAME: z.string().min(3).optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  WEBHOOK_ALLOW_PRIVATE: booleanString.optional(),
  WEBHOOK_MAX_ATTEMPTS: wholeNumber(8, 100).default(10),
  WEBHOOK_RETRY_BASE_MS: wholeNumber(10, 5_000).default(1_000),
  WEBHOOK_TIMEOUT_MS: wholeNumber(100, 120_000).default(10_000),
  WEBHOOK_CONCURRENCY: wholeNumber(1, 1_000).default(16),
  WEBHOOK_DELIVERY_RETENTION_DAYS: wholeNumber(1, 3_650).default(90),
  AUDIT_CHECKPOINT_EVERY_EVENTS: wholeNumber(1, 10_000_000).default(1_000),
  AUDIT_CHECKPOINT_INTERVAL_MS: wholeNumber(1_000, 86_400_000).default(60_000),
  RELAY_BATCH_SIZE: wholeNumber(1, 10_000).default(500),
  RELAY_INTERVAL_MS: wholeNumber(5, 60_000).default(50),
  SCHEDULER_INTERVAL_MS: wholeNumber(50, 60_000).default(500),
  MIN_POSITION_WAIT_MS: wholeNumber(0, 60_000).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // auto: human-readable on a terminal, JSON otherwise.
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  OIDC_ISSUER: z.string().url('must be a URL').optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_JWKS_URI: httpUrl.optional(),
  OIDC_ROLES_CLAIM: claimPath.default('roles'),
  OIDC_STATE_CLAIM: claimPath.default('state_code'),
  // The single provider's bindings; unset, it vouches for every state and the platform roles, as before the list existed.
  OIDC_VOUCHES_FOR: z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(vouchee).min(1, 'must name at least one state, "platform" or "*"'))
    .optional(),
  OIDC_PROVIDERS: oidcProviders.optional(),
  // API.md promises no limit below 100 requests per second per principal.
  RATE_LIMIT_PER_SECOND: wholeNumber(100, 1_000_000).default(10_000),
  BENCH_ROUTES: booleanString.default('false'),
  LOG_SIGNING_KEY: z
    .string()
    .refine(parses(parseSignerKey), 'must be a signed-note signer key PRIVATE+KEY+<origin>+<hex key ID>+<base64 key> (Ed25519)')
    .optional(),
  LOG_ORIGIN: z.string().max(200).refine(isValidKeyName, 'must hold no spaces and no "+" (a schema-less URL such as coalition.example.gov/log)').optional(),
  WITNESSES: z
    .string()
    .refine(
      (text) => witnessEntries(text).every(([url, key, extra]) => /^https?:\/\/\S+$/.test(url ?? '') && extra === undefined && isCosignerKey(key)),
      'must be comma-separated "<http(s) url> <witness verifier key with type 0x04>" pairs',
    )
    .optional(),
  WITNESS_TIMEOUT_MS: wholeNumber(100, 120_000).default(5_000),
  TLOG_BACKFILL_BATCH: wholeNumber(1, 100_000).default(5_000),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOGIN_HASH_CONCURRENCY: wholeNumber(1, 64).default(2),
  LOGIN_HASH_QUEUE: wholeNumber(0, 10_000).default(8),
  LOGIN_ADDRESS_FAILURE_LIMIT: wholeNumber(10, 1_000_000).default(100),
  DEPLOYMENT_ID: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'may hold only letters, digits, ".", "_", ":" and "-" (1 to 100)').optional(),
});

const isCosignerKey = (key: string | undefined): boolean => key !== undefined && parses((k) => {
  if (parseVerifierKey(k).alg !== ALG_COSIGNATURE_V1) throw new Error('not a cosigner key');
})(key);

export const witnessEntries = (text: string): string[][] =>
  text.split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0).map((entry) => entry.split(/\s+/));

export type Env = z.infer<typeof envSchema>;
