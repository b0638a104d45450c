import { AppConfig } from '@coalition/infra';
import { hashPassword } from '../password-hasher';
import { HashingBusy, PasswordCheck } from './password-check';

const checkWith = (hashConcurrency: number, hashQueue: number) => new PasswordCheck({ login: { hashConcurrency, hashQueue } } as AppConfig);
const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

describe('PasswordCheck', () => {
  let hash: string;
  beforeAll(async () => {
    hash = await hashPassword('the right one');
  });

  it('answers an unknown user false after about as long as a wrong password takes', async () => {
    const check = checkWith(2, 8);
    expect(await check.matches('guess', hash)).toBe(false);
    const wrong = await timed(() => check.matches('guess', hash));
    const unknown = await timed(async () => expect(await check.matches('guess', undefined)).toBe(false));
    expect(unknown).toBeGreaterThan(wrong * 0.5);
    expect(unknown).toBeLessThan(wrong * 2);
    expect(await check.matches('the right one', hash)).toBe(true);
  });

  it('lets a real user in at the idle pace while 32 unknown usernames are being checked', async () => {
    const check = checkWith(2, 8);
    await check.matches('the right one', hash);
    const idle = await timed(() => check.matches('the right one', hash));
    const bogus = Array.from({ length: 32 }, () => check.matches('guess', undefined).catch((error: unknown) => error));
    const underAttack = await timed(async () => expect(await check.matches('the right one', hash)).toBe(true));
    await Promise.all(bogus);
    expect(underAttack).toBeLessThan(idle * 2 + 20);
  });

  it('refuses a known and an unknown username alike while the gate is full', async () => {
    const check = checkWith(1, 0);
    await check.matches('guess', hash);
    const running = check.matches('guess', hash);
    await expect(check.matches('guess', hash)).rejects.toBeInstanceOf(HashingBusy);
    await expect(check.matches('guess', undefined)).rejects.toBeInstanceOf(HashingBusy);
    await running;
    expect(await check.matches('guess', undefined)).toBe(false);
  });
});
