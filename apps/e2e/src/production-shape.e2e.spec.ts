import { createTestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '@coalition/infra/testing';
import { freePort, json, RunningApp, startApp } from './processes';

/**
 * The production shape: api and worker as separate processes against the real PostgreSQL and
 * the real Kafka broker. A command written through the api becomes visible through the api
 * only after the worker's relay published it to Kafka and its projection consumed it.
 */
describe('api and worker as separate processes on PostgreSQL and Kafka', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let api: RunningApp;
  let worker: RunningApp;
  let adminToken: string;

  const call = async (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await json<Record<string, unknown>>(response) };
  };
  const login = async (username: string, password: string) => {
    const answer = await call('POST', '/auth/login', undefined, { username, password });
    expect(answer.status).toBe(200);
    return String(answer.body.accessToken);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.close();
    const env = {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(),
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456789',
      BOOTSTRAP_ADMIN_USERNAME: 'root.admin',
      BOOTSTRAP_ADMIN_PASSWORD: 'a long admin password',
    };
    [api, worker] = await Promise.all([startApp('api', env, freePort()), startApp('worker', env, freePort())]);
    adminToken = await login('root.admin', 'a long admin password');
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await database?.drop();
  }, 30_000);

  it('reports both processes ready, each checking the database and Kafka', async () => {
    for (const app of [api, worker]) {
      const ready = await json<{ details: Record<string, { status: string }> }>(await fetch(`${app.url}/health/ready`));
      expect(ready.details).toMatchObject({ database: { status: 'up' }, kafka: { status: 'up' } });
    }
    expect(await (await fetch(`${worker.url}/metrics`)).text()).toContain('coalition_outbox_backlog');
  });

  it('reads its own writes through the outbox, Kafka and the worker projections', async () => {
    const created = await call('POST', '/states', adminToken, { code: 'WA', name: 'Washington', population: 7_812_880 });
    expect(created).toMatchObject({ status: 201, body: { id: 'WA', version: 1 } });
    const states = await call('GET', `/states?minPosition=${created.body.position}`, adminToken);
    expect(states.body).toEqual([{ code: 'WA', name: 'Washington', population: 7_812_880 }]);
  });

  it('answers bad input with problem+json and loses nothing', async () => {
    const malformed = await call('POST', '/states', adminToken, '{"code": ');
    expect(malformed).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(malformed.type).toContain('application/problem+json');
    const unknownField = await call('POST', '/states', adminToken, { code: 'ID', name: 'Idaho', population: 1, governor: 'x' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'governor' })]));
    const nul = await call('POST', '/states', adminToken, { code: 'ID', name: 'Ida\u0000ho', population: 1 });
    expect(nul.status).toBe(400);
    expect((await call('POST', '/states', undefined, { code: 'ID', name: 'Idaho', population: 1 })).status).toBe(401);
    const duplicate = await call('POST', '/states', adminToken, { code: 'WA', name: 'Washington', population: 1 });
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'DUPLICATE' } });
  });

  it('refuses a stale If-Match with 412 and replays an Idempotency-Key', async () => {
    const stale = await call('PATCH', '/states/WA', adminToken, { population: 8_000_000 }, { 'If-Match': '0' });
    expect(stale).toMatchObject({ status: 412, body: { code: 'VERSION_CONFLICT' } });
    const first = await call('POST', '/states', adminToken, { code: 'OR', name: 'Oregon', population: 4_240_000 }, { 'Idempotency-Key': 'or-1' });
    const again = await call('POST', '/states', adminToken, { code: 'OR', name: 'Oregon', population: 4_240_000 }, { 'Idempotency-Key': 'or-1' });
    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    const reused = await call('POST', '/states', adminToken, { code: 'OR', name: 'Oregon', population: 1 }, { 'Idempotency-Key': 'or-1' });
    expect(reused).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('lets only admins manage states, and a deactivated user is refused on the next request', async () => {
    const user = await call('POST', '/users', adminToken, {
      username: 'wa.coordinator', password: 'correct horse battery', displayName: 'WA coordinator', roles: ['coordinator'], stateCode: 'WA',
    });
    expect(user.status).toBe(201);
    const token = await login('wa.coordinator', 'correct horse battery');
    expect((await call('GET', '/auth/me', token)).body).toMatchObject({ kind: 'user', roles: ['coordinator'], stateCode: 'WA' });
    const forbidden = await call('POST', '/states', token, { code: 'CA', name: 'California', population: 1 });
    expect(forbidden).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await call('POST', `/users/${user.body.id}/deactivate`, adminToken, {})).status).toBe(200);
    expect((await call('GET', '/auth/me', token)).status).toBe(401);
    expect((await call('POST', '/auth/login', undefined, { username: 'wa.coordinator', password: 'correct horse battery' })).status).toBe(401);
  });
});
