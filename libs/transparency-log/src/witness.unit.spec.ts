import { randomBytes } from 'node:crypto';
import { formatCheckpoint } from './checkpoint';
import { cosigner } from './cosignature';
import { ed25519Signer, openNote, parseVerifierKey, signNote, verifierKeyOf } from './note';
import { consistencyProof, Frontier, nodeId, rootAt, sourceOf, StoredNode } from './tree';
import { decideAddCheckpoint, formatAddCheckpoint, WitnessRecord } from './witness';

const ORIGIN = 'coalition.example/log';
const logKey = ed25519Signer(ORIGIN, randomBytes(32));
const witnessKey = cosigner('wa.example/witness', randomBytes(32));
const logs = new Map([[ORIGIN, { origin: ORIGIN, verifiers: [parseVerifierKey(verifierKeyOf(logKey))] }]]);

function log(leaves: string[]) {
  const frontier = Frontier.empty();
  const nodes: StoredNode[] = [];
  for (const leaf of leaves) nodes.push(...frontier.append(Buffer.from(leaf)));
  const source = sourceOf(nodes);
  return {
    checkpoint: (size: number, signer = logKey) => signNote(formatCheckpoint({ origin: ORIGIN, size, root: rootAt(size, source) }), signer),
    proof: (from: number, to: number) => consistencyProof(from, to, source),
    nodes: new Map(nodes.map((n) => [nodeId(n.level, n.index), n])),
  };
}

describe('tlog-witness add-checkpoint', () => {
  const honest = log(Array.from({ length: 20 }, (_, i) => `event ${i + 1}`));
  let record: WitnessRecord | undefined;
  const submit = (oldSize: number, proof: Buffer[], checkpoint: string, now = 1_700_000_000) =>
    decideAddCheckpoint(formatAddCheckpoint({ oldSize, proof, checkpoint }), { logs, recorded: () => record, signer: witnessKey, now });

  it('cosigns the first checkpoint it sees, then only consistent growth', () => {
    const first = submit(0, [], honest.checkpoint(10));
    expect(first.status).toBe(200);
    record = first.record;
    const opened = openNote(honest.checkpoint(10) + first.body, [parseVerifierKey(verifierKeyOf(witnessKey))]);
    expect(opened.verified[0].timestamp).toBe(1_700_000_000);
    const grown = submit(10, honest.proof(10, 20), honest.checkpoint(20));
    expect(grown.status).toBe(200);
    record = grown.record;
    expect(record?.size).toBe(20);
  });

  it('answers 409 with its size to a client that does not know it', () => {
    const answer = submit(0, [], honest.checkpoint(20));
    expect([answer.status, answer.contentType, answer.body]).toEqual([409, 'text/x.tlog.size', '20\n']);
  });

  it('refuses a rewritten history: a changed event, a truncated log regrown, a fork at the same size', () => {
    const tampered = log(Array.from({ length: 25 }, (_, i) => (i === 4 ? 'event 5, altered' : `event ${i + 1}`)));
    expect(submit(20, tampered.proof(20, 25), tampered.checkpoint(25)).status).toBe(422);
    const truncated = log(Array.from({ length: 25 }, (_, i) => (i < 15 ? `event ${i + 1}` : `regrown ${i + 1}`)));
    expect(submit(20, truncated.proof(20, 25), truncated.checkpoint(25)).status).toBe(422);
    expect(submit(20, [], truncated.checkpoint(15)).status).toBe(400);
    expect(submit(20, [], truncated.checkpoint(20)).status).toBe(409);
    expect(record?.size).toBe(20);
  });

  it('refuses a checkpoint not signed by the log, an unknown origin and a malformed body', () => {
    const other = ed25519Signer(ORIGIN, randomBytes(32));
    expect(submit(20, honest.proof(20, 20), honest.checkpoint(20, other)).status).toBe(403);
    const stranger = signNote(formatCheckpoint({ origin: 'elsewhere.example/log', size: 1, root: Buffer.alloc(32) }), ed25519Signer('elsewhere.example/log', randomBytes(32)));
    expect(submit(0, [], stranger).status).toBe(404);
    expect(decideAddCheckpoint('old 01\n\n', { logs, recorded: () => record, signer: witnessKey, now: 1 }).status).toBe(400);
    expect(decideAddCheckpoint('old 20\nnot base64\n\n', { logs, recorded: () => record, signer: witnessKey, now: 1 }).status).toBe(400);
  });
});
