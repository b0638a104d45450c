import { AppConfig } from '@coalition/platform';
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
    // Medians of five, so one slow sample on a busy machine does not decide the comparison.
    const median = async (stored: string | undefined) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) samples.push(await timed(async () => expect(await check.matches('guess', stored)).toBe(false)));
      return samples.sort((a, b) => a - b)[2];
    };
    const wrong = await median(hash);
    const unknown = await median(undefined);
    expect(unknown).toBeGreaterThan(wrong * 0.4);
    expect(unknown).toBeLessThan(wrong * 2.5);
    expect(await check.matches('the right one', hash)).toBe(true);
  });

  it('spends no hashing CPU on unknown usernames, so a real user gets in while 32 are being checked', async () => {
    const check = checkWith(2, 8);
    // CPU time, not wall time: scrypt runs on libuv's threads, which process.cpuUsage counts.
    const cpuMs = async (work: () => Promise<unknown>) => {
      const before = process.cpuUsage();
      await work();
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000;
    };
    await check.matches('the right one', hash);
    const oneHash = await cpuMs(() => check.matches('the right one', hash));
    let realUserIn: boolean | undefined;
    const bogusCpu = await cpuMs(async () => {
      const bogus = Array.from({ length: 32 }, () => check.matches('guess', undefined).catch((error: unknown) => error));
      realUserIn = await check.matches('the right one', hash);
      expect(await Promise.all(bogus)).toEqual(Array.from({ length: 32 }, () => false));
    });
    expect(realUserIn).toBe(true);
    // The real user's one hash plus timers; 32 hashes would cost about 32 times one.
    expect(bogusCpu).toBeLessThan(oneHash * 6 + 50);
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
