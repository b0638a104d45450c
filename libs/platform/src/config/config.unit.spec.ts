import { cosigner, formatSignerKey, parseSignerKey, verifierKeyOf } from '@coalition/transparency-log';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs embedded when neither DATABASE_URL nor KAFKA_BROKERS is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ embedded: true, port: 3000, webhookAllowPrivate: true, topicPrefix: '' });
    expect(config.kafka).toBeUndefined();
  });

  it('reads the production shape', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/c', KAFKA_BROKERS: 'k1:9092,k2:9092', KAFKA_TOPIC_PREFIX: 'prod.', PORT: '8080' });
    expect(config).toMatchObject({ embedded: false, port: 8080, topicPrefix: 'prod.', webhookAllowPrivate: false });
    expect(config.kafka?.brokers).toEqual(['k1:9092', 'k2:9092']);
  });

  it('names every bad value with its reason', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', KAFKA_BROKERS: 'nohost', DATABASE_URL: 'mysql://x', JWT_TTL_SECONDS: '5' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').slice(1).sort()).toEqual([
      '  DATABASE_URL: must be a postgres:// or postgresql:// URL',
      '  JWT_TTL_SECONDS: must be at least 30',
      '  KAFKA_BROKERS: must be a comma-separated list of host:port',
      '  PORT: must be a whole number',
    ]);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'k:1' })).toThrow(/DATABASE_URL: must be a postgres/);
  });

  it('bounds every database and Kafka operation, with defaults and overrides', () => {
    const production = { DATABASE_URL: 'postgres://u@db:5432/c', KAFKA_BROKERS: 'k1:9092' };
    expect(loadConfig(production)).toMatchObject({
      dbTimeouts: { connectMs: 5_000, statementMs: 30_000, idleInTransactionMs: 60_000 },
      kafka: { connectionTimeoutMs: 3_000, requestTimeoutMs: 10_000, sessionTimeoutMs: 30_000 },
    });
    const tuned = loadConfig({ ...production, DB_STATEMENT_TIMEOUT_MS: '120000', KAFKA_SESSION_TIMEOUT_MS: '10000' });
    expect(tuned.dbTimeouts.statementMs).toBe(120_000);
    expect(tuned.kafka?.sessionTimeoutMs).toBe(10_000);
    // The broker refuses sessions shorter than its group.min.session.timeout.ms.
    expect(() => loadConfig({ ...production, KAFKA_SESSION_TIMEOUT_MS: '1000' })).toThrow(/KAFKA_SESSION_TIMEOUT_MS: must be at least 6000/);
  });

  it('refuses half a production configuration instead of silently embedding', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/c' })).toThrow(ConfigError);
    expect(() => loadConfig({ KAFKA_BROKERS: 'k:9092' })).toThrow(/go together/);
  });

  it('delivers webhooks with at least 8 attempts and a first retry within 5 s, and checkpoints the audit chain', () => {
    expect(loadConfig({})).toMatchObject({
      webhookDelivery: { maxAttempts: 10, retryBaseMs: 1_000, timeoutMs: 10_000, concurrency: 16 },
      auditCheckpoints: { everyEvents: 1_000, intervalMs: 60_000 },
    });
    expect(() => loadConfig({ WEBHOOK_MAX_ATTEMPTS: '7' })).toThrow(/WEBHOOK_MAX_ATTEMPTS: must be at least 8/);
    expect(() => loadConfig({ WEBHOOK_RETRY_BASE_MS: '5001' })).toThrow(/WEBHOOK_RETRY_BASE_MS: must be at most 5000/);
    expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE: must be true or false/);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/c', KAFKA_BROKERS: 'k:9092', WEBHOOK_ALLOW_PRIVATE: 'true' }).webhookAllowPrivate).toBe(true);
  });

  it('reads the single OIDC provider as a one-element list bound to every state and the platform, or none at all', () => {
    expect(loadConfig({}).oidcProviders).toEqual([]);
    const oidc = { OIDC_ISSUER: 'https://idp.wa.gov/realms/staff', OIDC_AUDIENCE: 'coalition', OIDC_JWKS_URI: 'https://idp.wa.gov/realms/staff/certs' };
    expect(loadConfig(oidc).oidcProviders).toEqual([{
      issuer: 'https://idp.wa.gov/realms/staff', audience: 'coalition', jwksUri: 'https://idp.wa.gov/realms/staff/certs', rolesClaim: 'roles', stateClaim: 'state_code', vouchesFor: ['*', 'platform'],
    }]);
    expect(loadConfig({ ...oidc, OIDC_ROLES_CLAIM: 'realm_access.roles', OIDC_STATE_CLAIM: 'https://coalition/state', OIDC_VOUCHES_FOR: 'WA, OR' }).oidcProviders).toMatchObject([{
      rolesClaim: 'realm_access.roles', stateClaim: 'https://coalition/state', vouchesFor: ['WA', 'OR'],
    }]);
  });

  it('refuses half an OIDC configuration, naming what is missing', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example' })).toThrow('OIDC_ISSUER is set but OIDC_AUDIENCE, OIDC_JWKS_URI are not');
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example', OIDC_AUDIENCE: 'c', OIDC_JWKS_URI: 'ftp://x' })).toThrow('OIDC_JWKS_URI: must be an http(s) URL');
    expect(() => loadConfig({ OIDC_VOUCHES_FOR: 'WA' })).toThrow('OIDC_VOUCHES_FOR binds the provider of OIDC_ISSUER');
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example', OIDC_AUDIENCE: 'c', OIDC_JWKS_URI: 'https://idp.example/jwks', OIDC_VOUCHES_FOR: 'wa' })).toThrow('OIDC_VOUCHES_FOR.0: must be a two-letter state code');
  });

  describe('OIDC_PROVIDERS', () => {
    const wa = { name: 'wa', issuer: 'https://idp.wa.gov/realms/staff', jwksUri: 'https://idp.wa.gov/realms/staff/certs', audience: 'coalition', vouchesFor: ['WA'] };
    const platform = { name: 'compact', issuer: 'https://login.compact.example', jwksUri: 'https://login.compact.example/jwks', audience: 'coalition', rolesClaim: 'groups', vouchesFor: ['platform'] };
    const providers = (list: unknown) => loadConfig({ OIDC_PROVIDERS: JSON.stringify(list) }).oidcProviders;

    it('reads a list of providers, each bound to its states or the platform, with default claim names', () =>
      expect(providers([wa, platform])).toEqual([
        { ...wa, rolesClaim: 'roles', stateClaim: 'state_code' },
        { ...platform, stateClaim: 'state_code' },
      ]));

    it('names every bad field of every provider', () => {
      expect(() => loadConfig({ OIDC_PROVIDERS: '[{' })).toThrow('OIDC_PROVIDERS: must be a JSON array of providers');
      expect(() => providers([])).toThrow('OIDC_PROVIDERS: must name at least one provider');
      expect(() => providers([{ ...wa, vouchesFor: [] }])).toThrow('OIDC_PROVIDERS.0.vouchesFor: must name at least one state');
      expect(() => providers([{ ...wa, vouchesFor: ['Washington'] }])).toThrow('OIDC_PROVIDERS.0.vouchesFor.0: must be a two-letter state code, "platform" or "*"');
      expect(() => providers([wa, { ...platform, jwksUri: 'file:///etc/passwd' }])).toThrow('OIDC_PROVIDERS.1.jwksUri: must be an http(s) URL');
      expect(() => providers([{ ...wa, jwksUri: 'http://idp.wa.gov/certs' }])).toThrow('OIDC_PROVIDERS.0.jwksUri: must be an https URL (plain http only on loopback)');
      for (const local of ['http://127.0.0.1:8080/jwks', 'http://localhost/jwks', 'http://[::1]:9/jwks']) expect(providers([{ ...wa, jwksUri: local }])).toHaveLength(1);
      expect(() => providers([{ ...wa, vouchesFor: undefined }])).toThrow('OIDC_PROVIDERS.0.vouchesFor: Required');
      expect(() => providers([{ ...wa, clientSecret: 'x' }])).toThrow("Unrecognized key(s) in object: 'clientSecret'");
      expect(() => providers([{ ...wa, name: 'Washington State' }])).toThrow('OIDC_PROVIDERS.0.name: must be 1 to 32 lower-case letters');
    });

    it('refuses an issuer or a name given twice: a token must pick one provider', () => {
      expect(() => providers([wa, { ...platform, issuer: wa.issuer }])).toThrow(`OIDC_PROVIDERS.1.issuer: issuer ${wa.issuer} is named twice`);
      expect(() => providers([wa, { ...platform, name: 'wa' }])).toThrow('OIDC_PROVIDERS.1.name: name wa is named twice');
    });

    it("keeps what the console needs to sign people in at a provider, and refuses a browser client of a plain-http issuer", () => {
      const console = { consoleClientId: 'coalition-console', displayName: 'Washington', scope: 'openid profile', resource: 'urn:coalition:api' };
      expect(providers([{ ...wa, ...console }])[0]).toMatchObject(console);
      expect(() => providers([{ ...wa, consoleClientId: 'c', issuer: 'http://idp.wa.gov' }])).toThrow('OIDC_PROVIDERS.0.issuer: must be an https URL (plain http only on loopback) for a provider with a consoleClientId');
      expect(providers([{ ...wa, consoleClientId: 'c', issuer: 'http://127.0.0.1:4000' }])).toHaveLength(1);
      expect(() => providers([{ ...wa, scope: 'openid  "profile"' }])).toThrow('OIDC_PROVIDERS.0.scope: must be scope values separated by single spaces');
      expect(() => providers([{ ...wa, displayName: ' ' }])).toThrow('OIDC_PROVIDERS.0.displayName');
    });

    it('refuses the list together with the single provider variables', () =>
      expect(() => loadConfig({ OIDC_PROVIDERS: JSON.stringify([wa]), OIDC_ROLES_CLAIM: 'groups' })).toThrow('OIDC_PROVIDERS replaces OIDC_ROLES_CLAIM'));
  });

  it('never limits a principal below 100 requests per second', () => {
    expect(loadConfig({}).rateLimitPerSecond).toBe(10_000);
    expect(loadConfig({ RATE_LIMIT_PER_SECOND: '100' }).rateLimitPerSecond).toBe(100);
    expect(() => loadConfig({ RATE_LIMIT_PER_SECOND: '99' })).toThrow('RATE_LIMIT_PER_SECOND: must be at least 100');
  });

  it('mounts the benchmark route only when BENCH_ROUTES is true', () => {
    expect(loadConfig({}).benchRoutes).toBe(false);
    expect(loadConfig({ BENCH_ROUTES: 'true' }).benchRoutes).toBe(true);
    expect(() => loadConfig({ BENCH_ROUTES: 'yes' })).toThrow(/BENCH_ROUTES: must be true or false/);
  });

  it("reads the transparency log's key, origin and witnesses, and refuses what cannot work", () => {
    const seed = Buffer.alloc(32, 7);
    const key = formatSignerKey('coalition.example.gov/log', seed);
    const witness = verifierKeyOf(cosigner('wa.example.gov/witness', seed));
    const config = loadConfig({ LOG_SIGNING_KEY: key, WITNESSES: `http://127.0.0.1:7380/ ${witness}, http://127.0.0.1:7381 ${witness}` });
    expect(config.transparencyLog).toMatchObject({
      signingKey: key,
      witnesses: [
        { url: 'http://127.0.0.1:7380', verifierKey: witness },
        { url: 'http://127.0.0.1:7381', verifierKey: witness },
      ],
      witnessTimeoutMs: 5_000,
    });
    expect(() => loadConfig({ LOG_SIGNING_KEY: 'PRIVATE+KEY+x+00000000+AAAA' })).toThrow(/LOG_SIGNING_KEY: must be a signed-note signer key/);
    expect(() => loadConfig({ LOG_SIGNING_KEY: key, LOG_ORIGIN: 'other.example/log' })).toThrow(/a checkpoint's key name is its origin/);
    expect(() => loadConfig({ LOG_ORIGIN: 'has space' })).toThrow(/LOG_ORIGIN: must hold no spaces/);
    // A witness needs its cosignature (type 0x04) key: the log's own verifier key is refused.
    expect(() => loadConfig({ WITNESSES: `http://127.0.0.1:7380 ${verifierKeyOf(parseSignerKey(key))}` })).toThrow(/WITNESSES: must be comma-separated/);
    expect(() => loadConfig({ WITNESSES: `ftp://127.0.0.1 ${witness}` })).toThrow(/WITNESSES/);
  });
});
