import { METHODS } from 'node:http';
import { AddressInfo } from 'node:net';
import { DynamicModule, INestApplication, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig, PlatformModule } from '@coalition/platform';
import { EventStoreModule } from '@coalition/event-store';
import { createTestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '@coalition/event-store/testing';
import { ReadSideModule } from '@coalition/read-side';
import { WorkerRuntimeModule } from '@coalition/worker';
import { createApi } from '../bootstrap/create-api';

export const TEST_ADMIN = { username: 'matrix.admin', password: 'a long admin password' };
/** The production shape refuses /metrics without it. */
export const TEST_METRICS_TOKEN = 'matrix-metrics-token-0123456789';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  type: string;
  body: T;
}

export type Caller = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer<T>>;

/** A caller of `baseUrl` with fixed credentials; `path` is the full path (`/api/v1/states`, `/health/live`). */
export function callerFor(baseUrl: string, credentials: Record<string, string> = {}): Caller {
  return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...credentials, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (docs, metrics): keep the text
    }
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: parsed as T };
  };
}

@Module({})
class WorkerHost {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerHost, imports: [PlatformModule.forRoot(config, 'worker'), EventStoreModule, ReadSideModule, WorkerRuntimeModule] };
  }
}

export interface RunningApi {
  url: string;
  app: INestApplication;
  /** Calls as the bootstrap admin. */
  admin: Caller;
  anonymous: Caller;
  login(username: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The api in this process, listening on a free port, over a fresh database on the real
 * PostgreSQL and the real Kafka broker (a topic prefix of its own), with the worker runtime
 * beside it feeding the read models: the production shape, but with the Nest application at
 * hand so a test can look into what it registered.
 */
export async function startApi(env: Record<string, string> = {}): Promise<RunningApi> {
  const database = await createTestDatabase();
  await database.db.close();
  const config = loadConfig({
    DATABASE_URL: database.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(),
    JWT_SECRET: 'matrix-secret-matrix-secret-matrix-secret-0123',
    BOOTSTRAP_ADMIN_USERNAME: TEST_ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN.password,
    DB_POOL_SIZE: '4',
    LOG_LEVEL: 'error',
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    ...env,
  });
  let app: INestApplication | undefined;
  let worker: INestApplicationContext | undefined;
  const stop = async () => {
    await app?.close().catch(() => undefined);
    await worker?.close().catch(() => undefined);
    await database.drop();
  };
  try {
    worker = await NestFactory.createApplicationContext(WorkerHost.forRoot(config), { logger: false });
    app = await createApi(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    const anonymous = callerFor(url);
    const login = async (username: string, password: string) => {
      const answer = await anonymous('POST', '/api/v1/auth/login', { username, password });
      if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return String(answer.body.accessToken);
    };
    const admin = callerFor(url, { authorization: `Bearer ${await login(TEST_ADMIN.username, TEST_ADMIN.password)}` });
    return { url, app, admin, anonymous, login, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Every route the HTTP server actually registered (Nest's controllers, Swagger's pages), as
 * `METHOD /path`, read from Express's own router. Nest mounts path-bound middleware (request
 * logging, the global prefix) with `app.all`, which Express registers for every HTTP method
 * one by one: a layer answering all of them is middleware, not a route.
 */
export function registeredRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  const routes = new Set<string>();
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    const methods = Object.keys(layer.route.methods).filter((method) => layer.route?.methods[method] && method !== '_all');
    if (methods.length >= METHODS.length) continue;
    for (const method of methods) routes.add(`${method.toUpperCase()} ${layer.route.path}`);
  }
  return [...routes].sort();
}
