import { parseSignerKey } from '@coalition/transparency-log';
import { Env, envSchema, witnessEntries } from './env-schema';
import { OidcProviderConfig } from './oidc-values';

export type { OidcProviderConfig } from './oidc-values';

const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URI'] as const;

export type AppConfig = ReturnType<typeof toConfig>;

export class ConfigError extends Error {}

function toConfig(env: Env) {
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
    /**
     * The states' identity providers whose bearer tokens are accepted, each verified against its
     * own JWKS and bound to what it may vouch for; empty: local tokens only.
     */
    oidcProviders: oidcProvidersOf(env),
    logFormat: env.LOG_FORMAT,
    rateLimitPerSecond: env.RATE_LIMIT_PER_SECOND,
    /** Mounts the benchmark's baseline route (`GET /api/v1/bench/ping`); never in production. */
    benchRoutes: env.BENCH_ROUTES,
    /** The log's checkpoint key (or one generated under DATA_DIR), its origin, and the witnesses that cosign. */
    transparencyLog: {
      signingKey: env.LOG_SIGNING_KEY,
      origin: env.LOG_ORIGIN,
      witnesses: env.WITNESSES ? witnessEntries(env.WITNESSES).map(([url, verifierKey]) => ({ url: url.replace(/\/+$/, ''), verifierKey })) : [],
      witnessTimeoutMs: env.WITNESS_TIMEOUT_MS,
      backfillBatch: env.TLOG_BACKFILL_BATCH,
    },
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

/** OIDC_PROVIDERS, or the single provider of OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URI as a one-element list. */
function oidcProvidersOf(env: Env): OidcProviderConfig[] {
  if (env.OIDC_PROVIDERS) return env.OIDC_PROVIDERS;
  if (!env.OIDC_ISSUER || !env.OIDC_AUDIENCE || !env.OIDC_JWKS_URI) return [];
  return [{
    issuer: env.OIDC_ISSUER,
    audience: env.OIDC_AUDIENCE,
    jwksUri: env.OIDC_JWKS_URI,
    rolesClaim: env.OIDC_ROLES_CLAIM,
    stateClaim: env.OIDC_STATE_CLAIM,
    vouchesFor: env.OIDC_VOUCHES_FOR ?? ['*', 'platform'],
  }];
}

/**
 * Validates the environment once at start. Every bad value is named with the reason, and
 * half-configured production (a database without Kafka or the reverse) is refused rather than
 * silently falling back to the embedded default.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
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
  const single = [...OIDC_VARIABLES, 'OIDC_ROLES_CLAIM', 'OIDC_STATE_CLAIM', 'OIDC_VOUCHES_FOR'].filter((name) => cleaned[name] !== undefined);
  if (parsed.data.OIDC_PROVIDERS && single.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  OIDC_PROVIDERS replaces ${single.join(', ')}: set the list, or the single provider's variables, not both`);
  }
  if (parsed.data.OIDC_VOUCHES_FOR && oidcSet.length === 0) {
    throw new ConfigError(`Invalid configuration:\n  OIDC_VOUCHES_FOR binds the provider of ${OIDC_VARIABLES.join(', ')}, which are not set`);
  }
  const { LOG_SIGNING_KEY: signingKey, LOG_ORIGIN: origin } = parsed.data;
  if (signingKey && origin && parseSignerKey(signingKey).name !== origin) {
    throw new ConfigError(`Invalid configuration:\n  LOG_ORIGIN is ${origin} but LOG_SIGNING_KEY is the key of ${parseSignerKey(signingKey).name}: a checkpoint's key name is its origin`);
  }
  return toConfig(parsed.data);
}
