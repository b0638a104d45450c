import { randomInt } from 'node:crypto';
import { RootBuilder, verifierLeafHash, verifyConsistency, verifyInclusion } from '@coalition/transparency-log';
import { Database } from '@coalition/platform';
import { testAdmin } from '@coalition/platform/testing';
import { createTestDatabase, TestDatabase } from '../testing';
import { AppendRequest, EventStore } from '../store/event-store';
import { canonicalBytes } from '../chain/hash-chain';
import { backfillTree, backfillTreeStep, TransparencyLog, TreeSizeUnavailable } from './transparency-log';

const metadata: AppendRequest['metadata'] = {
  actor: { id: testAdmin.id, kind: testAdmin.kind, stateCode: null, roles: [...testAdmin.roles] },
  commandId: 'cmd',
  correlationId: 'cmd',
  causationId: 'cmd',
};
const request = (streamId: string, count: number): AppendRequest => ({
  streamId,
  streamType: 'member-state',
  expectedVersion: 'any',
  events: Array.from({ length: count }, (_, n) => ({ type: 'PopulationChanged', data: { n, note: `"quoted", \u00e9, ${streamId}` } })),
  metadata,
  recordedAt: new Date(),
});

/** The verifier's root over the events as stored, from their canonical bytes. */
async function independentRoot(store: EventStore, size: number): Promise<Buffer> {
  const builder = new RootBuilder();
  for await (const event of store.iterate(0, 1000)) {
    if (event.position > size) break;
    builder.addLeafHash(verifierLeafHash(canonicalBytes(event)));
  }
  return builder.root();
}

describe('the Merkle tree kept by appends (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let store: EventStore;
  let log: TransparencyLog;

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 6 });
    db = testDb.db;
    store = new EventStore(db);
    log = new TransparencyLog(db);
  }, 60_000);
  afterAll(() => testDb?.drop());

  it('grows with every append, in the append transaction, also when appends race', async () => {
    await store.append(request('member-state-AA', 1));
    expect(await log.treeSize()).toBe(1);
    // Concurrent appends batch into shared transactions; a second store is another process (its right edge is read from the rows).
    const other = new EventStore(db);
    await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? other : store).append(request(`member-state-S${i % 7}`, 1 + (i % 3)))));
    const head = await store.head();
    expect(await log.treeSize()).toBe(head.position);
    const nodes = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM tlog_nodes');
    expect(nodes[0].count).toBeLessThan(2 * head.position);
    expect(await log.root(head.position)).toEqual(await independentRoot(store, head.position));
  }, 60_000);

  it('serves inclusion and consistency proofs that an independent RFC 9162 verifier accepts, at many sizes', async () => {
    const size = await log.treeSize();
    const sizes = [...new Set([1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 32, 33, size - 1, size, randomInt(1, size + 1)])].filter((n) => n >= 1 && n <= size);
    for (const treeSize of sizes) {
      const root = await independentRoot(store, treeSize);
      expect(await log.root(treeSize)).toEqual(root);
      for (const position of new Set([1, treeSize, Math.ceil(treeSize / 2), randomInt(1, treeSize + 1)])) {
        const answer = await log.inclusion(position, treeSize);
        const leaf = Buffer.from(answer.leaf ?? '', 'base64');
        expect(verifierLeafHash(leaf).toString('base64')).toBe(answer.leafHash);
        expect(JSON.parse(leaf.toString()).position).toBe(position);
        expect(verifyInclusion(answer.leafIndex, treeSize, verifierLeafHash(leaf), answer.proof.map((p) => Buffer.from(p, 'base64')), root)).toBe(true);
      }
      for (const from of new Set([1, Math.floor(treeSize / 2) || 1, treeSize])) {
        const answer = await log.consistency(from, size);
        expect(verifyConsistency(from, size, await independentRoot(store, from), await log.root(size), answer.proof.map((p) => Buffer.from(p, 'base64')))).toBe(true);
      }
    }
    await expect(log.inclusion(size + 1, size)).rejects.toThrow(TreeSizeUnavailable);
    await expect(log.consistency(1, size + 1)).rejects.toThrow(TreeSizeUnavailable);
  }, 60_000);

  it('backfills a store whose events predate the tree, in batches, while appends go on', async () => {
    const before = await store.head();
    const root = await log.root(before.position);
    // An existing store just migrated: events, no tree.
    await db.query('DELETE FROM tlog_nodes');
    await db.query('UPDATE tlog_state SET size = 0');
    // Appends leave a tree that is behind to the backfill.
    await store.append(request('member-state-ZZ', 2));
    expect(await log.treeSize()).toBe(0);
    const first = await backfillTreeStep(db, 10);
    expect(first).toMatchObject({ size: 10, added: 10 });
    // Appends racing the rest of the backfill.
    const racing = Promise.all(Array.from({ length: 20 }, (_, i) => store.append(request(`member-state-R${i % 4}`, 1))));
    await backfillTree(db, 7);
    await racing;
    await backfillTree(db, 7);
    const head = await store.head();
    expect(await log.treeSize()).toBe(head.position);
    expect(await log.root(before.position)).toEqual(root);
    expect(await log.root(head.position)).toEqual(await independentRoot(store, head.position));
    // Caught up, appends extend the tree again themselves.
    await store.append(request('member-state-AA', 1));
    expect(await log.treeSize()).toBe(head.position + 1);
  }, 60_000);
});
