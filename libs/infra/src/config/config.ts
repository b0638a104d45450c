import { z } from 'zod';
import { ALG_COSIGNATURE_V1, isValidKeyName, parseSignerKey, parseVerifierKey } from '@coalition/transparency-log';

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

/** A state code, `platform` (the platform roles `admin` and `auditor`) or `*` (every state). */
const vouchee = z.string().regex(/^([A-Z]{2}|platform|\*)$/, 'must be a two-letter state code, "platform" or "*"');

const httpUrl = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');

/** Keys fetched over plain HTTP could be swapped by anyone on the path, and with them every identity: https, or loopback. */
const loopbackHost = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
const keysUrl = httpUrl.refine((url) => {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  return parsed !== undefined && (parsed.protocol === 'https:' || loopbackHost.test(parsed.hostname));
}, 'must be an https URL (plain http only on loopback)');

/** One identity provider: whose tokens it issues, where its keys are, and what it may vouch for. */
const oidcProvider = z
  .object({
    // In the ids of the principals it vouches for (`oidc:<name>:<sub>`): two providers' subjects never collide.
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1 to 32 lower-case letters, digits or "-"'),
    issuer: z.string().url('must be a URL'),
    jwksUri: keysUrl,
    audience: z.string().min(1),
    rolesClaim: claimPath.default('roles'),
    stateClaim: claimPath.default('state_code'),
    vouchesFor: z.array(vouchee).min(1, 'must name at least one state, "platform" or "*"'),
  })
  .strict();

/** The single provider of OIDC_ISSUER has no name: its principals keep the ids they had, `oidc:<sub>`. */
export type OidcProviderConfig = Omit<z.infer<typeof oidcProvider>, 'name'> & { name?: string };

/** OIDC_PROVIDERS: a JSON array of providers, each name and issuer given once (a token's `iss` picks its provider). */
const oidcProviders = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a JSON array of providers' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(oidcProvider)
      .min(1, 'must name at least one provider')
      .superRefine((providers, ctx) => {
        const seen = new Set<string>();
        providers.forEach((provider, index) => {
          for (const field of ['name', 'issuer'] as const) {
            if (seen.has(`${field} ${provider[field]}`)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, field], message: `${field} ${provider[field]} is named twice` });
            seen.add(`${field} ${provider[field]}`);
          }
        });
      }),
  );

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

function parses(parse: (text: string) => unknown): (text: string) => boolean {
  return (text) => {
    try {
      parse(text);
      return true;
    } catch {
      return false;
    }
  };
}

const isCosignerKey = (key: string | undefined): boolean => key !== undefined && parses((k) => {
  if (parseVerifierKey(k).alg !== ALG_COSIGNATURE_V1) throw new Error('not a cosigner key');
})(key);

const witnessEntries = (text: string): string[][] =>
  text.split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0).map((entry) => entry.split(/\s+/));

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
function oidcProvidersOf(env: z.infer<typeof schema>): OidcProviderConfig[] {
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
