import { createHash, randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { apiKeyStreamId, userStreamId } from '@coalition/domain';
import { EventStore, metadataActor, migrate, openDatabase } from '@coalition/event-store';
import { Stack } from './stack';

jest.setTimeout(30_000);

/** The migrations this version adds; undone to lay down a store exactly as the previous version left it. */
const ADDED_MIGRATIONS = [
  { name: 'Usernames1764000000122', down: 'DROP TABLE usernames' },
  { name: 'DeploymentIdentity1764000000121', down: 'DROP TABLE deployment_identity' },
  { name: 'ApiKeyIssuer1764000000120', down: 'ALTER TABLE rm_api_keys DROP COLUMN issued_by' },
];

/** How the previous version derived a user's id: from the lower-cased username (what this version stops doing). */
function legacyUserId(username: string): string {
  const hex = createHash('sha256').update(`coalition:user:${username.toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The previous version's password encoding (scrypt N=2^14 r=8 p=5), as it stored it. */
function legacyPasswordHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16_384, r: 8, p: 5, maxmem: 64 * 1024 * 1024 });
  return `scrypt$16384$8$5$${salt.toString('base64')}$${key.toString('base64')}`;
}

const OLD_ADMIN = { username: 'Old.Admin', password: 'the old admin password' };
const OLD_ID = legacyUserId(OLD_ADMIN.username);
const OLD_KEY_ID = randomUUID();
const OLD_KEY = `coa_${OLD_KEY_ID.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`;

/** A store as the previous version made it: its schema, a user with a username-derived id, a key whose event names no issuer. */
async function previousVersionStore(databaseUrl: string): Promise<void> {
  const db = await openDatabase({ url: databaseUrl, poolSize: 1 });
  try {
    await migrate(db);
    for (const { name, down } of ADDED_MIGRATIONS) {
      await db.query(down);
      await db.query('DELETE FROM schema_migrations WHERE name = $1', [name]);
    }
    const store = new EventStore(db);
    const meta = (actor: Parameters<typeof metadataActor>[0]) => {
      const id = randomUUID();
      return { actor: metadataActor(actor), commandId: id, correlationId: id, causationId: id };
    };
    await store.append({
      streamId: userStreamId(OLD_ID), streamType: 'user', expectedVersion: 'any', recordedAt: new Date(),
      metadata: meta({ id: 'system', kind: 'system', stateCode: null, roles: [] }),
      events: [{ type: 'UserRegistered', data: {
        userId: OLD_ID, username: OLD_ADMIN.username, displayName: 'Old admin', roles: ['admin'], stateCode: null, passwordHash: legacyPasswordHash(OLD_ADMIN.password),
      } }],
    });
    await store.append({
      streamId: 'member-state-WA', streamType: 'member-state', expectedVersion: 'any', recordedAt: new Date(),
      metadata: meta({ id: OLD_ID, kind: 'user', stateCode: null, roles: ['admin'] }),
      events: [{ type: 'StateRegistered', data: { code: 'WA', name: 'Washington', population: 7_812_880 } }],
    });
    await store.append({
      streamId: apiKeyStreamId(OLD_KEY_ID), streamType: 'api-key', expectedVersion: 'any', recordedAt: new Date(),
      metadata: meta({ id: OLD_ID, kind: 'user', stateCode: null, roles: ['admin'] }),
      events: [{ type: 'ApiKeyIssued', data: {
        keyId: OLD_KEY_ID, name: 'old key', stateCode: 'WA', scopes: ['read'], expiresAt: null, keyHash: createHash('sha256').update(OLD_KEY).digest('hex'),
      } }],
    });
  } finally {
    await db.close();
  }
}

/**
 * Upgrading a store made by the previous version: its users keep their ids and log in, their
 * usernames stay taken, its keys keep working and show who issued them, and new users get
 * random ids that reveal nothing.
 */
describe('identity after upgrading a store made by the previous version', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start({ beforeStart: previousVersionStore });
  }, 120_000);

  afterAll(() => stack?.stop(), 30_000);

  it('lets an existing user log in with its old id, and keeps its username taken in any case', async () => {
    const old = stack.bearer(await stack.login(OLD_ADMIN.username, OLD_ADMIN.password));
    expect((await old.get('/auth/me')).body).toMatchObject({ id: OLD_ID, username: OLD_ADMIN.username, roles: ['admin'] });
    const taken = await stack.admin.post('/users', { username: 'old.admin', password: 'a password of 12+', displayName: 'x', roles: ['auditor'] });
    expect(taken).toMatchObject({ status: 409, body: { code: 'DUPLICATE' } });
  });

  it("keeps the old key working, and lists its issuer from the event's actor", async () => {
    expect((await stack.apiKey(OLD_KEY).get('/auth/me')).body).toMatchObject({ id: OLD_KEY_ID, kind: 'api-key', stateCode: 'WA' });
    const keys = await stack.admin.get<Record<string, unknown>[]>('/api-keys');
    expect(keys.body.find((k) => k.id === OLD_KEY_ID)).toMatchObject({ issuedBy: OLD_ID });
  });

  it('gives new users random ids, not ones derived from their usernames', async () => {
    const created = await stack.admin.post('/users', { username: 'new.auditor', password: 'a password of 12+', displayName: 'New', roles: ['auditor'] });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.body.id).not.toBe(legacyUserId('new.auditor'));
    const again = await stack.admin.post('/users', { username: 'NEW.AUDITOR', password: 'a password of 12+', displayName: 'New', roles: ['auditor'] });
    expect(again).toMatchObject({ status: 409, body: { code: 'DUPLICATE' } });
    expect((await stack.bearer(await stack.login('new.auditor', 'a password of 12+')).get('/auth/me')).body).toMatchObject({ id: created.body.id });
  });

  it('registers one user of a username when two registrations race', async () => {
    const body = { username: 'racer', password: 'a password of 12+', displayName: 'Racer', roles: ['auditor'] };
    const answers = await Promise.all([stack.admin.post('/users', body), stack.admin.post('/users', body), stack.admin.post('/users', body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  });
});
