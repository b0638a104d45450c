import { ADMIN, Caller, PASSWORD, Stack } from './stack';

// Password hashing is deliberately slow, and a shared machine slower still.
jest.setTimeout(60_000);

interface AuditItem {
  type: string;
  data: Record<string, unknown>;
  metadata: { actor: { id: string; kind: string; roles: string[] } };
  redactedFields?: string[];
}

/**
 * POST /auth/password and POST /users/:id/password over real HTTP, against the api and the worker
 * as separate processes on PostgreSQL and Kafka: who may, what stops working, what the audit
 * log records, and that neither route opens a way around the login throttle or the admin role.
 */
describe('changing and resetting passwords over HTTP', () => {
  let stack: Stack;
  let adminId: string;

  const login = (username: string, password: string) => stack.anonymous.post('/auth/login', { username, password });
  const tokenOf = async (username: string, password: string): Promise<string> => {
    const answer = await login(username, password);
    expect(answer.status).toBe(200);
    return String(answer.body.accessToken);
  };
  const userStream = async (id: string): Promise<AuditItem[]> => {
    const answer = await stack.admin.get<{ events: AuditItem[] }>(`/audit/streams/user-${id}`);
    expect(answer.status).toBe(200);
    return answer.body.events;
  };

  beforeAll(async () => {
    stack = await Stack.start();
    await stack.registerState('WA', 7_812_880, 'Washington');
    adminId = String((await stack.admin.get('/auth/me')).body.id);
  }, 120_000);

  afterAll(() => stack?.stop(), 30_000);

  describe('POST /auth/password', () => {
    it('changes the password: the old one and every earlier token stop working, the fresh token and the new password work', async () => {
      const user = await stack.coordinator('WA', 'wa.changer');
      const otherSession = stack.bearer(await tokenOf('wa.changer', PASSWORD));
      const changed = await user.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
      expect(changed).toMatchObject({
        status: 200,
        body: { id: user.id, version: 2, position: expect.any(Number), accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 },
      });
      // The token that made the change and the other session both end; the fresh token goes on.
      expect((await user.get('/auth/me')).status).toBe(401);
      expect((await otherSession.get('/auth/me')).status).toBe(401);
      expect((await stack.bearer(String(changed.body.accessToken)).get('/auth/me')).body).toMatchObject({ id: user.id, username: 'wa.changer', roles: ['coordinator'], stateCode: 'WA' });
      expect((await login('wa.changer', PASSWORD)).status).toBe(401);
      expect((await login('wa.changer', 'a brand new passphrase')).status).toBe(200);

      const [, event] = await userStream(user.id);
      expect(event).toMatchObject({ type: 'PasswordChanged', data: { userId: user.id }, metadata: { actor: { id: user.id, kind: 'user' } }, redactedFields: ['passwordHash'] });
      expect(event.data).not.toHaveProperty('passwordHash');
    });

    it('answers a wrong current password with 401 and counts it toward the login throttle of the username', async () => {
      const user = await stack.user('throttled.changer', ['auditor']);
      const wrong = await user.post('/auth/password', { currentPassword: 'not my password', newPassword: 'another long password' });
      expect(wrong).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(wrong.type).toContain('application/problem+json');
      for (let i = 0; i < 9; i++) expect((await login('throttled.changer', `wrong guess ${i}`)).status).toBe(401);
      // Ten failures in the window, one of them through this route: the right password no longer helps, here or at login.
      const refused = await user.request('POST', '/auth/password', { currentPassword: PASSWORD, newPassword: 'another long password' });
      expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
      expect((await login('throttled.changer', PASSWORD)).status).toBe(429);
      // Nothing was changed: the token still works.
      expect((await user.get('/auth/me')).status).toBe(200);
    });

    it('refuses a short or missing new password and unknown fields with VALIDATION_FAILED, changing nothing', async () => {
      const user = await stack.user('careful.changer', ['auditor']);
      const short = await user.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'elevenchars' });
      expect(short).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'newPassword' })] } });
      expect((await user.post('/auth/password', { currentPassword: PASSWORD })).status).toBe(400);
      expect((await user.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'a long enough one', roles: ['admin'] })).status).toBe(400);
      expect((await user.get('/auth/me')).status).toBe(200);
      expect((await login('careful.changer', PASSWORD)).status).toBe(200);
    });

    it('is for signed-in users only: an API key gets 403, nobody gets 401', async () => {
      const key = await stack.issueApiKey('WA', ['read', 'resources:write', 'legal:read']);
      expect(await key.caller.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'a long enough one' })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      expect(await stack.anonymous.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'a long enough one' })).toMatchObject({ status: 401 });
    });
  });

  describe('POST /users/:id/password', () => {
    it("sets a user's password: its tokens stop working, the new password works, and the audit log names the admin", async () => {
      const user = await stack.counsel('WA', 'wa.forgetful');
      const reset = await stack.admin.post(`/users/${user.id}/password`, { password: 'set by the admin 123' });
      expect(reset).toMatchObject({ status: 200, body: { id: user.id, version: 2, position: expect.any(Number) } });
      expect(reset.body).not.toHaveProperty('accessToken');
      expect((await user.get('/auth/me')).status).toBe(401);
      expect((await login('wa.forgetful', PASSWORD)).status).toBe(401);
      const fresh = stack.bearer(await tokenOf('wa.forgetful', 'set by the admin 123'));
      // Nothing else about the user changed.
      expect((await fresh.get('/auth/me')).body).toMatchObject({ id: user.id, roles: ['counsel'], stateCode: 'WA' });
      // The admin's own session is untouched.
      expect((await stack.admin.get('/auth/me')).status).toBe(200);

      const [, event] = await userStream(user.id);
      expect(event).toMatchObject({ type: 'PasswordReset', data: { userId: user.id }, metadata: { actor: { id: adminId, kind: 'user', roles: ['admin'] } } });
      expect(event.data).not.toHaveProperty('passwordHash');
    });

    it('gives no way to escalate: non-admins get 403, the body takes only a password, an admin resets no one into a role', async () => {
      const target = await stack.user('escalation.target', ['auditor']);
      const coordinator: Caller = await stack.coordinator('WA', 'wa.escalator');
      expect(await coordinator.post(`/users/${target.id}/password`, { password: 'taken over by wa' })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      const key = await stack.issueApiKey('WA', ['read', 'resources:write', 'legal:read']);
      expect((await key.caller.post(`/users/${target.id}/password`, { password: 'taken over by a key' })).status).toBe(403);
      expect(await stack.admin.post(`/users/${target.id}/password`, { password: 'a fine password', roles: ['admin'] })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect((await stack.admin.post(`/users/${target.id}/password`, { password: 'short' })).status).toBe(400);
      expect((await login('escalation.target', PASSWORD)).status).toBe(200);
      expect((await target.get('/auth/me')).status).toBe(200);
      expect((await userStream(target.id)).map((e) => e.type)).toEqual(['UserRegistered']);
    });

    it("refuses the admin's own id (403: change it with the current one), unknown users (404) and deactivated ones (409)", async () => {
      expect(await stack.admin.post(`/users/${adminId}/password`, { password: 'no current needed?' })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      expect((await login(ADMIN.username, ADMIN.password)).status).toBe(200);
      expect(await stack.admin.post('/users/00000000-0000-4000-8000-000000000000/password', { password: 'nobody at all here' })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
      expect(await stack.admin.post('/users/not-a-uuid/password', { password: 'nobody at all here' })).toMatchObject({ status: 400 });
      const leaver = await stack.user('password.leaver', ['auditor']);
      expect((await stack.admin.post(`/users/${leaver.id}/deactivate`)).status).toBe(200);
      expect(await stack.admin.post(`/users/${leaver.id}/password`, { password: 'back in through here' })).toMatchObject({ status: 409, body: { code: 'USER_INACTIVE' } });
      expect((await login('password.leaver', 'back in through here')).status).toBe(401);
    });
  });
});
