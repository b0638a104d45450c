import { openDatabase } from '@coalition/event-store';
import { createTestDatabase, TestDatabase } from '@coalition/event-store/testing';
import { LOGIN_FAILURE_LIMIT, LoginThrottle, Reservation } from './login-throttle';

const granted = (reservations: Reservation[]) => reservations.filter((r) => 'attempt' in r).length;

describe('LoginThrottle on PostgreSQL', () => {
  let database: TestDatabase;
  let throttle: LoginThrottle;

  beforeAll(async () => {
    database = await createTestDatabase();
    throttle = new LoginThrottle(database.db);
  });

  afterAll(() => database?.drop());

  it('refuses the rest of the window after 10 failures, whatever the case of the username', async () => {
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) expect(await throttle.reserve(i % 2 ? 'Mallory' : 'mallory')).toHaveProperty('attempt');
    const refused = await throttle.reserve('MALLORY');
    expect(refused).toEqual({ refusedForSeconds: expect.any(Number) });
    expect((refused as { refusedForSeconds: number }).refusedForSeconds).toBeGreaterThan(14 * 60);
    expect(await throttle.reserve('someone.else')).toHaveProperty('attempt');
  });

  it('counts only failures: a successful login gives its attempt back', async () => {
    for (let i = 0; i < 3 * LOGIN_FAILURE_LIMIT; i++) {
      const reservation = await throttle.reserve('alice');
      if (!('attempt' in reservation)) throw new Error(`refused after ${i} successful logins`);
      await throttle.succeeded(reservation.attempt);
    }
    const [row] = await database.db.query<{ failures: number }>(`SELECT failures FROM login_throttle WHERE username = 'alice'`);
    expect(row.failures).toBe(0);
  });

  it('lets no more than 10 of a concurrent burst through, across two api processes', async () => {
    const second = await openDatabase({ url: database.url, poolSize: 5 });
    try {
      const other = new LoginThrottle(second);
      const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? throttle : other).reserve('bob')));
      expect(granted(burst)).toBe(LOGIN_FAILURE_LIMIT);
    } finally {
      await second.close();
    }
  });

  it('opens a fresh window once the old one has ended', async () => {
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) await throttle.reserve('carol');
    expect(await throttle.reserve('carol')).toHaveProperty('refusedForSeconds');
    await database.db.query(`UPDATE login_throttle SET window_started_at = now() - interval '15 minutes 1 second' WHERE username = 'carol'`);
    expect(await throttle.reserve('carol')).toHaveProperty('attempt');
    const [row] = await database.db.query<{ failures: number }>(`SELECT failures FROM login_throttle WHERE username = 'carol'`);
    expect(row.failures).toBe(1);
  });

  it('forgets ended windows', async () => {
    await throttle.reserve('dave');
    await database.db.query(`UPDATE login_throttle SET window_started_at = now() - interval '1 hour' WHERE username = 'dave'`);
    await throttle.forgetEndedWindows();
    expect(await database.db.query(`SELECT 1 FROM login_throttle WHERE username = 'dave'`)).toEqual([]);
    expect(await database.db.query(`SELECT 1 FROM login_throttle WHERE username = 'bob'`)).toHaveLength(1);
  });
});
