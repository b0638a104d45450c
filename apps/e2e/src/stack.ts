import { createTestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '@coalition/event-store/testing';
import { freePort, json, RunningApp, startApp } from './processes';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  /** The content-type header, to check `application/problem+json`. */
  type: string;
  body: T;
}

/** A caller of the running api: a bearer token, an API key, or nobody. */
export interface Caller {
  request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  get<T = Record<string, unknown>>(path: string): Promise<Answer<T>>;
  post<T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  patch<T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  delete<T = Record<string, unknown>>(path: string): Promise<Answer<T>>;
}

export interface StackOptions {
  /** Extra environment for both processes. */
  env?: Record<string, string>;
  /** The PostgreSQL server to create the stack's database on (default: the shared test server). */
  databaseServerUrl?: string;
  /** The Kafka brokers (default: the shared test broker). */
  kafkaBrokers?: string[];
  /** Runs on the fresh database before the processes start (to lay down a store made by an older version, say). */
  beforeStart?: (databaseUrl: string) => Promise<void>;
}

export const ADMIN = { username: 'root.admin', password: 'a long admin password' };
export const PASSWORD = 'correct horse battery';
/** What Prometheus would present: the production shape refuses /metrics without it. */
export const METRICS_TOKEN = 'e2e-metrics-token-0123456789';
export const metricsAuth = { authorization: `Bearer ${METRICS_TOKEN}` };

/**
 * The production shape for end-to-end tests: a fresh database on the real PostgreSQL, the
 * api and the worker as separate processes, the real Kafka broker under a topic prefix of
 * the test's own, and a bootstrap admin. Everything goes over real HTTP.
 */
export class Stack {
  readonly admin: Caller;
  /** Workers started since, by startWorker (all of one consumer group). */
  readonly workers: RunningApp[];

  private constructor(
    public api: RunningApp,
    readonly worker: RunningApp,
    private readonly dropDatabase: () => Promise<void>,
    adminToken: string,
    /** For tests that look behind the api: the stack's database and its Kafka topic prefix. */
    readonly databaseUrl: string,
    readonly topicPrefix: string,
    /** The environment both processes were started with. */
    readonly env: Record<string, string>,
  ) {
    this.admin = this.bearer(adminToken);
    this.workers = [worker];
  }

  static async start(options: StackOptions = {}): Promise<Stack> {
    const database = await createTestDatabase({ serverUrl: options.databaseServerUrl });
    await database.db.close();
    await options.beforeStart?.(database.url);
    const env = {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: (options.kafkaBrokers ?? testKafkaBrokers()).join(','),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(),
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456789',
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      METRICS_TOKEN,
      // Suites log their principals in all at once while setting up; the security suite tests the default bound.
      LOGIN_HASH_QUEUE: '64',
      ...options.env,
    };
    const started = await Promise.allSettled([startApp('api', env, freePort()), startApp('worker', env, freePort())]);
    const running = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    try {
      const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      const [api, worker] = running;
      const token = await loginAt(api.url, ADMIN.username, ADMIN.password);
      return new Stack(api, worker, database.drop, token, database.url, env.KAFKA_TOPIC_PREFIX, env);
    } catch (error) {
      // Never leave a process behind: a stray worker keeps jest (and CI) alive.
      await Promise.all(running.map((app) => app.stop()));
      await database.drop();
      throw error;
    }
  }

  /** Anonymous: no credentials at all. */
  get anonymous(): Caller {
    return callerFor(() => this.api.url, {});
  }

  /** Callers follow the api when a test replaces it (restartApi). */
  bearer(token: string): Caller {
    return callerFor(() => this.api.url, { authorization: `Bearer ${token}` });
  }

  apiKey(key: string): Caller {
    return callerFor(() => this.api.url, { 'x-api-key': key });
  }

  /** Starts one more worker process on the same database and consumer group. */
  async startWorker(env: Record<string, string> = {}): Promise<RunningApp> {
    const worker = await startApp('worker', { ...this.env, ...env }, freePort());
    this.workers.push(worker);
    return worker;
  }

  /** Replaces the api by a fresh process (after a test killed it); callers made before follow it. */
  async restartApi(): Promise<RunningApp> {
    if (this.api.alive()) await this.api.stop();
    this.api = await startApp('api', this.env, freePort());
    return this.api;
  }

  login(username: string, password = PASSWORD): Promise<string> {
    return loginAt(this.api.url, username, password);
  }

  /** Registers a member state (as the admin); answers the command's position. */
  async registerState(code: string, population = 1_000_000, name = `State ${code}`): Promise<number> {
    const answer = await this.admin.post('/states', { code, name, population });
    if (answer.status !== 201) throw new Error(`registering ${code}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return Number(answer.body.position);
  }

  /** Registers a user (as the admin) and answers a caller logged in as that user. */
  async user(username: string, roles: string[], stateCode?: string): Promise<Caller & { id: string }> {
    const created = await this.admin.post('/users', { username, password: PASSWORD, displayName: username, roles, ...(stateCode ? { stateCode } : {}) });
    if (created.status !== 201) throw new Error(`registering ${username}: ${created.status} ${JSON.stringify(created.body)}`);
    return Object.assign(this.bearer(await this.login(username)), { id: String(created.body.id) });
  }

  coordinator(stateCode: string, username = `${stateCode.toLowerCase()}.coordinator`) {
    return this.user(username, ['coordinator'], stateCode);
  }

  counsel(stateCode: string, username = `${stateCode.toLowerCase()}.counsel`) {
    return this.user(username, ['counsel'], stateCode);
  }

  auditor(username = 'auditor') {
    return this.user(username, ['auditor']);
  }

  /**
   * Issues an API key for `stateCode` (as the admin, or as `by`) and answers its id, the key
   * (shown only in this answer) and a caller presenting it in `X-API-Key`.
   */
  async issueApiKey(
    stateCode: string,
    scopes: string[],
    options: { name?: string; expiresAt?: string; by?: Caller } = {},
  ): Promise<{ id: string; key: string; position: number; caller: Caller }> {
    const issued = await (options.by ?? this.admin).post('/api-keys', {
      name: options.name ?? `${stateCode} ${scopes.join(' ')} key`,
      stateCode,
      scopes,
      ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
    });
    if (issued.status !== 201) throw new Error(`issuing a key for ${stateCode}: ${issued.status} ${JSON.stringify(issued.body)}`);
    const key = String(issued.body.key);
    return { id: String(issued.body.id), key, position: Number(issued.body.position), caller: this.apiKey(key) };
  }

  async stop(): Promise<void> {
    await Promise.all([this.api.stop(), ...this.workers.map((worker) => worker.stop())]);
    await this.dropDatabase();
  }
}

async function loginAt(url: string, username: string, password: string): Promise<string> {
  const answer = await callerFor(url, {}).post('/auth/login', { username, password });
  if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return String(answer.body.accessToken);
}

export function callerFor(baseUrl: string | (() => string), credentials: Record<string, string>): Caller {
  const base = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
  const request = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> => {
    const response = await fetch(`${base()}/api/v1${path}`, {
      method,
      headers: { ...credentials, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await json<T>(response) };
  };
  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body = {}, headers) => request('POST', path, body, headers),
    patch: (path, body, headers) => request('PATCH', path, body, headers),
    delete: (path) => request('DELETE', path),
  };
}

export { freePort };
