import { z } from 'zod';

const booleanString = z
  .enum(['true', 'false', '1', '0'], { errorMap: () => ({ message: 'must be true or false' }) })
  .transform((v) => v === 'true' || v === '1');

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ invalid_type_error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** A claim name, or a dotted path into nested claims (`realm_access.roles`). */
const claimPath = z.string().regex(/^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/, 'must be a claim name or a dotted path of claim names');

const schema = z.object({
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
  OIDC_ISSUER: z.string().url('must be a URL').optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_JWKS_URI: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL').optional(),
  OIDC_ROLES_CLAIM: claimPath.default('roles'),
  OIDC_STATE_CLAIM: claimPath.default('state_code'),
  // API.md promises no limit below 100 requests per second per principal.
  RATE_LIMIT_PER_SECOND: wholeNumber(100, 1_000_000).default(10_000),
  BENCH_ROUTES: booleanString.default('false'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOGIN_HASH_CONCURRENCY: wholeNumber(1, 64).default(2),
  LOGIN_HASH_QUEUE: wholeNumber(0, 10_000).default(8),
  LOGIN_ADDRESS_FAILURE_LIMIT: wholeNumber(10, 1_000_000).default(100),
  DEPLOYMENT_ID: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'may hold only letters, digits, ".", "_", ":" and "-" (1 to 100)').optional(),
});

const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URI'] as const;

export type AppConfig = ReturnType<typeof toConfig>;

export class ConfigError extends Error {}

function toConfig(env: z.infer<typeof schema>) {
  const embedded = !env.DATABASE_URL && !env.KAFKA_BROKERS;
  return {
    /** No servers configured: PGlite under DATA_DIR and the in-process transport. */
    embedded,
    databaseUrl: env.DATABASE_URL,
    kafka: env.KAFKA_BROKERS
      ? {
          brokers: env.KAFKA_BROKERS.split(','),
          clientId: env.KAFKA_CLIENT_ID,
          partitions: env.KAFKA_PARTITIONS,
          connectionTimeoutMs: env.KAFKA_CONNECTION_TIMEOUT_MS,
          requestTimeoutMs: env.KAFKA_REQUEST_TIMEOUT_MS,
          sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
        }
      : undefined,
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    port: env.PORT,
    dataDir: env.DATA_DIR,
    dbPoolSize: env.DB_POOL_SIZE,
    /** Bounds on every database operation: connecting (and waiting for a pooled connection), a statement, an idle transaction. */
    dbTimeouts: {
      connectMs: env.DB_CONNECT_TIMEOUT_MS,
      statementMs: env.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    jwtSecret: env.JWT_SECRET,
    jwtTtlSeconds: env.JWT_TTL_SECONDS,
    bootstrapAdmin: { username: env.BOOTSTRAP_ADMIN_USERNAME, password: env.BOOTSTRAP_ADMIN_PASSWORD },
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE ?? embedded,
    webhookDelivery: {
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      concurrency: env.WEBHOOK_CONCURRENCY,
      retentionDays: env.WEBHOOK_DELIVERY_RETENTION_DAYS,
    },
    auditCheckpoints: { everyEvents: env.AUDIT_CHECKPOINT_EVERY_EVENTS, intervalMs: env.AUDIT_CHECKPOINT_INTERVAL_MS },
    relay: { batchSize: env.RELAY_BATCH_SIZE, intervalMs: env.RELAY_INTERVAL_MS },
    schedulerIntervalMs: env.SCHEDULER_INTERVAL_MS,
    minPositionWaitMs: env.MIN_POSITION_WAIT_MS,
    logLevel: env.LOG_LEVEL,
    /** Bearer tokens from the state's own identity provider, verified against its JWKS; unset: local tokens only. */
    oidc:
      env.OIDC_ISSUER && env.OIDC_AUDIENCE && env.OIDC_JWKS_URI
        ? { issuer: env.OIDC_ISSUER, audience: env.OIDC_AUDIENCE, jwksUri: env.OIDC_JWKS_URI, rolesClaim: env.OIDC_ROLES_CLAIM, stateClaim: env.OIDC_STATE_CLAIM }
        : undefined,
    rateLimitPerSecond: env.RATE_LIMIT_PER_SECOND,
    /** Mounts the benchmark's baseline route (`GET /api/v1/bench/ping`); never in production. */
    benchRoutes: env.BENCH_ROUTES,
    /**
     * The bearer token /metrics requires. Unset, /metrics is open in the embedded default (a
     * developer's machine) and refused to everyone in the production shape: its counts and
     * timings reveal privileged activity (legal-action commands among them).
     */
    metricsToken: env.METRICS_TOKEN,
    /** Issuer and audience of our access tokens; unset, the random identity the database was created with. */
    deploymentId: env.DEPLOYMENT_ID,
    /** Password checks at once, and waiting, before a login answers 429; failed logins per client address per 15 minutes. */
    login: { hashConcurrency: env.LOGIN_HASH_CONCURRENCY, hashQueue: env.LOGIN_HASH_QUEUE, addressFailureLimit: env.LOGIN_ADDRESS_FAILURE_LIMIT },
  };
}

/**
 * Validates the environment once at start. Every bad value is named with the reason, and
 * half-configured production (a database without Kafka or the reverse) is refused rather than
 * silently falling back to the embedded default.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (Boolean(parsed.data.DATABASE_URL) !== Boolean(parsed.data.KAFKA_BROKERS)) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_URL and KAFKA_BROKERS go together: set both for the production shape, or neither for the embedded default',
    );
  }
  const oidcSet = OIDC_VARIABLES.filter((name) => parsed.data[name] !== undefined);
  if (oidcSet.length > 0 && oidcSet.length < OIDC_VARIABLES.length) {
    const missing = OIDC_VARIABLES.filter((name) => !oidcSet.includes(name));
    throw new ConfigError(
      `Invalid configuration:\n  ${OIDC_VARIABLES.join(', ')} go together: ${oidcSet.join(', ')} ${oidcSet.length === 1 ? 'is' : 'are'} set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not`,
    );
  }
  return toConfig(parsed.data);
}
