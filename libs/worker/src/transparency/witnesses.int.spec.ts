import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { consistencyProof, ed25519Signer, formatCheckpoint, formatSignerKey, Frontier, parseSignerKey, rootAt, signNote, sourceOf, StoredNode, verifierKeyOf } from '@coalition/transparency-log';
import { Database, Metrics, Queryable } from '@coalition/platform';
import { testAdmin } from '@coalition/platform/testing';
import { AppendRequest, backfillTree, canonicalBytes, chainHash, EventStore, TransparencyLog } from '@coalition/event-store';
import { createTestDatabase, TestDatabase } from '@coalition/event-store/testing';
import { runOfflineVerification, writeAuditExport } from '@coalition/read-side';
import { CheckpointSigner, witnessMetrics } from './checkpoint-signer';
import { requestCosignature, witnessEndpoints } from './witness-client';

const ROOT = join(__dirname, '../../../..');
const metadata: AppendRequest['metadata'] = {
  actor: { id: testAdmin.id, kind: testAdmin.kind, stateCode: null, roles: [...testAdmin.roles] },
  commandId: 'cmd',
  correlationId: 'cmd',
  causationId: 'cmd',
};
const vote = (n: number): AppendRequest => ({
  streamId: `proposal-p${n % 3}`,
  streamType: 'proposal',
  expectedVersion: 'any',
  events: [{ type: 'VoteCast', data: { stateCode: ['WA', 'OR', 'ID'][n % 3], choice: n % 2 ? 'yes' : 'no', n } }],
  metadata,
  recordedAt: new Date(),
});

/** One witness as its own process (npm run witness), as a member state runs it. */
async function startWitness(dir: string, name: string, logKey: string): Promise<{ process: ChildProcess; url: string; key: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    ['-r', join(ROOT, 'tools/register-aliases.js'), join(ROOT, 'dist/tools/witness.js'), '--log', logKey, '--name', name, '--key-file', join(dir, 'witness.key'), '--listen', '127.0.0.1:0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = /WITNESSES entry: (\S+) (\S+)/.exec(output);
    if (match) return { process: child, url: match[1], key: match[2], output: () => output };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the witness did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What a database owner can do behind the application's back. */
async function asOperator(db: Database, work: (tx: Queryable) => Promise<unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE events DISABLE TRIGGER events_no_update');
    await work(tx);
    await tx.query('ALTER TABLE events ENABLE TRIGGER events_no_update');
  });
}

/** A rewritten history made consistent again: chain recomputed, tree rebuilt, old checkpoints gone. */
async function coverUp(db: Database, store: EventStore): Promise<void> {
  await asOperator(db, async (tx) => {
    let prevHash = '0'.repeat(64);
    for await (const event of store.iterate(0, 1000)) {
      const hash = chainHash(prevHash, event);
      await tx.query('UPDATE events SET prev_hash = $2, hash = $3 WHERE position = $1', [event.position, prevHash, hash]);
      prevHash = hash;
    }
  });
  await db.query('DELETE FROM tlog_cosignatures');
  await db.query('DELETE FROM tlog_checkpoints');
  await db.query('DELETE FROM tlog_nodes');
  await db.query('UPDATE tlog_state SET size = 0');
  await backfillTree(db, 100);
}

describe('witnesses as separate processes, and offline verification (PostgreSQL, HTTP)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let store: EventStore;
  const dir = mkdtempSync(join(tmpdir(), 'coalition-witnesses-'));
  const logSigner = parseSignerKey(formatSignerKey('coalition.test/log', randomBytes(32)));
  const logKey = verifierKeyOf(logSigner);
  const witnesses: Awaited<ReturnType<typeof startWitness>>[] = [];
  const metrics = new Metrics('worker');
  let signer: CheckpointSigner;
  const kept: { checkpoint?: string; export?: string } = {};

  const exportLeaves = async (name: string): Promise<string> => {
    const path = join(dir, name);
    const out = createWriteStream(path);
    await writeAuditExport(store, out, { format: 'leaves' });
    out.end();
    await finished(out);
    return path;
  };
  const offline = async (...argv: string[]) => {
    let output = '';
    const status = await runOfflineVerification(argv, (text) => (output += text));
    return { status, output };
  };

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 4 });
    db = testDb.db;
    store = new EventStore(db);
    for (let n = 1; n <= 20; n++) await store.append(vote(n));
    witnesses.push(await startWitness(join(dir, 'wa'), 'wa.example/witness', logKey));
    witnesses.push(await startWitness(join(dir, 'or'), 'or.example/witness', logKey));
    signer = new CheckpointSigner(db, logSigner, witnessEndpoints(witnesses.map((w) => ({ url: w.url, verifierKey: w.key }))), { timeoutMs: 10_000 }, witnessMetrics(metrics));
  }, 120_000);

  afterAll(async () => {
    for (const w of witnesses) w.process.kill('SIGTERM');
    await testDb?.drop();
  });

  it('collects cosignatures from both witnesses, and the checkpoint, the export and a proof verify offline', async () => {
    const signed = await signer.signLatest();
    expect(signed).toMatchObject({ origin: 'coalition.test/log', treeSize: 20, cosignedBy: ['or.example/witness', 'wa.example/witness'] });
    kept.checkpoint = join(dir, 'checkpoint-20');
    writeFileSync(kept.checkpoint, signed?.checkpoint ?? '');
    kept.export = await exportLeaves('honest.ndjson');
    const proofFile = join(dir, 'proof.json');
    writeFileSync(proofFile, JSON.stringify(await new TransparencyLog(db).inclusion(7, 20)));
    const wkeys = witnesses.flatMap((w) => ['--witness-key', w.key]);
    const verified = await offline('--checkpoint', kept.checkpoint, '--key', logKey, '--export', kept.export, '--proof', proofFile, ...wkeys);
    expect(verified.output).toMatch(/^transparency log verified: coalition.test\/log at size 20, signed by the log and cosigned by wa.example\/witness, or.example\/witness; the export's 20 leaves rebuild its root; position 7 is included/);
    expect(verified.status).toBe(0);
    // A witness key that did not cosign, or another log key, is refused.
    const stranger = verifierKeyOf({ ...ed25519Signer('xx.example/witness', randomBytes(32)), alg: 0x04 });
    expect((await offline('--checkpoint', kept.checkpoint, '--key', logKey, '--witness-key', stranger)).status).toBe(1);
    expect((await offline('--checkpoint', kept.checkpoint, '--key', verifierKeyOf(ed25519Signer('coalition.test/log', randomBytes(32))))).status).toBe(1);
    // The log grows: both cosign again, from the consistency proof.
    for (let n = 21; n <= 24; n++) await store.append(vote(n));
    expect((await signer.signLatest())?.cosignedBy).toHaveLength(2);
  }, 120_000);

  it('a forked log: another tree of the same size, or grown from another tree, is refused by every witness and detected offline', async () => {
    const leaves: Buffer[] = [];
    for await (const event of store.iterate(0, 1000)) leaves.push(canonicalBytes(event));
    leaves[2] = Buffer.from(leaves[2].toString().replace('"n":3', '"n":33'));
    expect(leaves[2].toString()).toContain('"n":33');
    const frontier = Frontier.empty();
    const nodes: StoredNode[] = [];
    for (const leaf of [...leaves, Buffer.from('{"extra":1}')]) nodes.push(...frontier.append(leaf));
    const source = sourceOf(nodes);
    const forkAt = (size: number) => ({ note: signNote(formatCheckpoint({ origin: logSigner.name, size, root: rootAt(size, source) }), logSigner), size });
    for (const endpoint of witnessEndpoints(witnesses.map((w) => ({ url: w.url, verifierKey: w.key })))) {
      const same = await requestCosignature(endpoint, forkAt(24), 24, async (from) => consistencyProof(from, 24, source), 10_000);
      expect(same).toMatchObject({ ok: false, status: 409 });
      const grown = await requestCosignature(endpoint, forkAt(25), 24, async (from) => consistencyProof(from, 25, source), 10_000);
      expect(grown).toMatchObject({ ok: false, status: 422 });
    }
    const forked = join(dir, 'forked-24');
    writeFileSync(forked, forkAt(24).note);
    const detected = await offline('--checkpoint', forked, '--key', logKey, '--export', await exportLeaves('now.ndjson'));
    expect(detected.status).toBe(1);
    expect(detected.output).toMatch(/REFUSED: the export's tree of 24 leaves has another root/);
  }, 120_000);

  it('a tampered event, covered up by rechaining and rebuilding the tree, is refused by every witness, counted, logged and detected offline', async () => {
    await asOperator(db, (tx) => tx.query(`UPDATE events SET data = jsonb_set(data, '{choice}', '"abstain"') WHERE position = 7`));
    await coverUp(db, store);
    await store.append(vote(25));
    const signed = await signer.signLatest();
    expect(signed).toMatchObject({ treeSize: 25, cosignedBy: [] });
    const refusals = await metrics.registry.getSingleMetricAsString('coalition_witness_refusals_total');
    expect(refusals).toMatch(/coalition_witness_refusals_total\{witness="wa.example\/witness",status="422"[^}]*\} 1/);
    expect(refusals).toMatch(/coalition_witness_refusals_total\{witness="or.example\/witness",status="422"[^}]*\} 1/);
    for (const w of witnesses) expect(w.output()).toMatch(/refused \(422\): no valid consistency proof from 24 to 25/);
    // The state kept the checkpoint of size 20: the rewritten export no longer rebuilds it.
    const detected = await offline('--checkpoint', kept.checkpoint as string, '--key', logKey, '--export', await exportLeaves('tampered.ndjson'));
    expect(detected.output).toMatch(/REFUSED: the export's tree of 20 leaves has another root/);
    expect(detected.status).toBe(1);
  }, 120_000);

  it('a truncated log regrown is refused by every witness and detected offline', async () => {
    await asOperator(db, async (tx) => {
      await tx.query('DELETE FROM outbox WHERE position > 15');
      await tx.query('DELETE FROM events WHERE position > 15');
    });
    await coverUp(db, store);
    expect((await offline('--checkpoint', kept.checkpoint as string, '--key', logKey, '--export', await exportLeaves('truncated.ndjson'))).output).toMatch(
      /REFUSED: the export holds 15 leaves; the checkpoint says 20/,
    );
    for (let n = 100; n < 112; n++) await store.append(vote(n));
    const signed = await signer.signLatest();
    expect(signed).toMatchObject({ treeSize: 27, cosignedBy: [] });
    for (const w of witnesses) expect(w.output()).toMatch(/refused \(422\): no valid consistency proof from 24 to 27/);
    const detected = await offline('--checkpoint', kept.checkpoint as string, '--key', logKey, '--export', await exportLeaves('regrown.ndjson'));
    expect(detected.output).toMatch(/REFUSED: the export's tree of 20 leaves has another root/);
  }, 120_000);
});
