import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ACCESS_POLICY_KEY } from '@coalition/platform';
import {
  AUTHORIZATION_MATRIX, AuthenticatedKind, EVERY_KEY, KEY_ISSUANCE, LOGIN_USER, MatrixContext, PRINCIPAL_KINDS, PrincipalKind, PUBLIC, RouteAccess,
} from './testing/authorization-matrix';
import { Answer, Caller, callerFor, registeredRoutes, RunningApi, startApi } from './testing/running-api';

// Password hashing is deliberately slow, and a shared machine slower still.
jest.setTimeout(30_000);

/**
 * Every route the api registers, called as every kind of principal, against the real
 * PostgreSQL and Kafka over real HTTP. Expected access is the table in
 * ./testing/authorization-matrix (see its index for how to add a route).
 */
describe('authorization matrix', () => {
  const ACTING = 'WA';
  const OTHER = 'OR';
  const PASSWORD = 'matrix password 123';
  let api: RunningApi;
  let ctx: MatrixContext;

  beforeAll(async () => {
    // Webhook rows register loopback receivers, as the embedded default allows.
    api = await startApi({ WEBHOOK_ALLOW_PRIVATE: 'true' });
    const setUp = async <T = Record<string, unknown>>(caller: Caller, method: string, path: string, body?: unknown, expect = 201): Promise<T> => {
      const answer = await caller<T>(method, path, body);
      if (answer.status !== expect) throw new Error(`set-up ${method} ${path} answered ${answer.status}, not ${expect}: ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    for (const code of [ACTING, OTHER]) await setUp(api.admin, 'POST', '/api/v1/states', { code, name: `State ${code}`, population: 5_000_000 });
    const user = async (username: string, roles: string[], stateCode?: string) => {
      const created = await setUp(api.admin, 'POST', '/api/v1/users', { username, password: PASSWORD, displayName: username, roles, ...(stateCode ? { stateCode } : {}) });
      return { id: String(created.id), caller: callerFor(api.url, { authorization: `Bearer ${await api.login(username, PASSWORD)}` }) };
    };
    const coordinator = await user('wa.coordinator', ['coordinator'], ACTING);
    const otherStateCoordinator = await user('or.coordinator', ['coordinator'], OTHER);
    const counsel = await user('wa.counsel', ['counsel'], ACTING);
    const auditor = await user('auditor', ['auditor']);
    await setUp(api.admin, 'POST', '/api/v1/users', { ...LOGIN_USER, displayName: 'Login', roles: ['auditor'] });
    const keyFor = async (scope: string) => {
      const issued = await setUp(api.admin, 'POST', '/api/v1/api-keys', { name: `matrix ${scope}`, stateCode: ACTING, scopes: [scope] });
      return callerFor(api.url, { 'x-api-key': String(issued.key) });
    };
    const me = await setUp(api.admin, 'GET', '/api/v1/auth/me', undefined, 200);
    const callers: Record<AuthenticatedKind, Caller> = {
      admin: api.admin,
      coordinator: coordinator.caller,
      otherStateCoordinator: otherStateCoordinator.caller,
      counsel: counsel.caller,
      auditor: auditor.caller,
      'key:read': await keyFor('read'),
      'key:resources:write': await keyFor('resources:write'),
      'key:legal:read': await keyFor('legal:read'),
    };
    let serial = 0;
    const takenCodes = new Set([ACTING, OTHER]);
    ctx = {
      actingState: ACTING,
      otherState: OTHER,
      userIds: { admin: String(me.id), coordinator: coordinator.id, otherStateCoordinator: otherStateCoordinator.id, counsel: counsel.id, auditor: auditor.id },
      admin: api.admin,
      as: (who) => callers[who],
      setUp,
      unique: (prefix) => `${prefix}-${++serial}`,
      unusedStateCode: () => {
        for (let a = 65; a <= 90; a++) {
          for (let b = 65; b <= 90; b++) {
            const code = String.fromCharCode(a, b);
            if (!takenCodes.has(code)) {
              takenCodes.add(code);
              return code;
            }
          }
        }
        throw new Error('no two-letter state code left');
      },
      user,
    };
  }, 120_000);

  afterAll(() => api?.stop(), 30_000);

  it('has a row for every route the api registers, and a registered route for every row', () => {
    const routes = registeredRoutes(api.app);
    expect(routes.length).toBeGreaterThan(10);
    const withoutRow = routes.filter((route) => !(route in AUTHORIZATION_MATRIX));
    const withoutRoute = Object.keys(AUTHORIZATION_MATRIX).filter((row) => !routes.includes(row));
    expect({ withoutRow, withoutRoute }).toEqual({ withoutRow: [], withoutRoute: [] });
  });

  it('finds an access policy declared on every controller route, and no @All() route', () => {
    const scanner = new MetadataScanner();
    const undeclared: string[] = [];
    for (const module of api.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
        if (!controller?.prototype) continue;
        for (const name of scanner.getAllMethodNames(controller.prototype)) {
          const handler = (controller.prototype as Record<string, unknown>)[name] as object;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
          if (method === undefined) continue;
          // Express registers @All() for every method one by one, just like middleware, so the router listing skips it.
          if (method === RequestMethod.ALL) undeclared.push(`${controller.name}.${name}: @All() routes cannot be told from middleware; declare their methods`);
          const policy = Reflect.getMetadata(ACCESS_POLICY_KEY, handler) ?? Reflect.getMetadata(ACCESS_POLICY_KEY, controller);
          if (!policy) undeclared.push(`${controller.name}.${name}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  describe.each(Object.entries(AUTHORIZATION_MATRIX))('%s', (route: string, access: RouteAccess) => {
    it.each([...PRINCIPAL_KINDS])('as %s', async (who: PrincipalKind) => {
      const [method, pattern] = route.split(' ');
      const prepared = (await access.prepare?.(ctx, who)) ?? {};
      const path = prepared.path ?? pattern;
      if (/\/:|\*/.test(path)) throw new Error(`${route} has path parameters: its row needs a prepare that fills them in`);
      const caller = who === 'anonymous' ? api.anonymous : ctx.as(who);
      const answer = await caller(method, path, prepared.body, prepared.headers);
      expect({ who, verdict: verdictOf(answer), answer }).toMatchObject({ who, verdict: expectedVerdict(access, who) });
      if (answer.status === 401 || answer.status === 403) {
        expect(answer.type).toContain('application/problem+json');
        expect(answer.body.code).toBe(answer.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
    });
  });

  describe.each(Object.entries(KEY_ISSUANCE))('POST /api/v1/api-keys with scope %s', (scope: string, allowed: readonly AuthenticatedKind[]) => {
    it.each([...PRINCIPAL_KINDS])('as %s', async (who: PrincipalKind) => {
      const caller = who === 'anonymous' ? api.anonymous : ctx.as(who);
      const answer = await caller('POST', '/api/v1/api-keys', { name: ctx.unique('grant'), stateCode: ACTING, scopes: [scope] });
      const expected = who === 'anonymous' ? 401 : allowed.includes(who) ? 201 : 403;
      expect({ who, scope, status: answer.status }).toEqual({ who, scope, status: expected });
    });
  });

  it('tells apart each key scope, so the key columns are not all alike by accident', async () => {
    for (const kind of EVERY_KEY) {
      const me = await ctx.as(kind)('GET', '/api/v1/auth/me');
      expect(me.body).toMatchObject({ kind: 'api-key', stateCode: ACTING, roles: [], scopes: [kind.slice('key:'.length)] });
    }
  });
});

type Verdict = 'allowed' | 'refused 401' | 'refused 403' | 'failed';

function verdictOf(answer: Answer): Verdict {
  if (answer.status === 401) return 'refused 401';
  if (answer.status === 403) return 'refused 403';
  return answer.status >= 500 ? 'failed' : 'allowed';
}

function expectedVerdict(access: RouteAccess, who: PrincipalKind): Verdict {
  if (access.allowed === PUBLIC) return 'allowed';
  if (who === 'anonymous') return 'refused 401';
  return access.allowed.includes(who) ? 'allowed' : 'refused 403';
}
