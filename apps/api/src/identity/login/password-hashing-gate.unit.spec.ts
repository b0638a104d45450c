import { PasswordHashingGate } from './password-hashing-gate';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('PasswordHashingGate', () => {
  it('runs at most `concurrency` at once, queues up to the limit and refuses beyond it', async () => {
    const gate = new PasswordHashingGate(2, 1);
    const blockers = [deferred(), deferred(), deferred()];
    let started = 0;
    const runs = blockers.map((b) => gate.run(async () => { started += 1; await b.promise; return started; }));
    await Promise.resolve();
    expect(started).toBe(2);
    expect(gate.load).toEqual({ running: 2, waiting: 1, full: true });
    expect(await gate.run(async () => 'never')).toBeUndefined();
    blockers[0].resolve();
    await runs[0];
    await new Promise((r) => setImmediate(r));
    expect(started).toBe(3);
    blockers[1].resolve();
    blockers[2].resolve();
    await Promise.all(runs);
    expect(gate.load).toEqual({ running: 0, waiting: 0, full: false });
  });

  it('frees its slot when the work fails', async () => {
    const gate = new PasswordHashingGate(1, 0);
    await expect(gate.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await gate.run(async () => 7)).toEqual({ value: 7 });
  });
});
