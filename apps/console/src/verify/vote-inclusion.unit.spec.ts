import { checkCheckpoint, TrustedKeys } from './checkpoint';
import { COSIGNATURE_V1, ED25519 } from './note';
import { auditPath, b64, checkpointNote, testSigner, text, TestSigner } from './testing/test-log';
import { checkVoteInclusion, InclusionProofClaim, VoteClaim } from './vote-inclusion';

const STREAM = 'proposal-p1';

/** A log of 9 events, the 6th a vote by OR; what the api would answer for that vote. */
function aLog() {
  const events = Array.from({ length: 9 }, (_, i) =>
    i === 5
      ? { eventId: 'e6', position: 6, streamId: STREAM, type: 'VoteCast', data: { stateCode: 'OR', choice: 'yes' } }
      : { eventId: `e${i + 1}`, position: i + 1, streamId: 'member-state-WA', type: 'StateRegistered', data: {} },
  );
  const leaves = events.map((event) => text(JSON.stringify(event)));
  return { leaves, vote: { eventId: 'e6', position: 6, stateCode: 'OR', choice: 'yes' } };
}

async function proofOf(vote: Omit<VoteClaim, 'inclusion'>, leaves: Uint8Array[]): Promise<InclusionProofClaim> {
  const index = vote.position - 1;
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.of(0, ...leaves[index])));
  return { leafIndex: index, treeSize: leaves.length, leaf: b64(leaves[index]), leafHash: b64(hash), proof: (await auditPath(index, leaves)).map(b64) };
}

describe("a vote's inclusion, checked against the signed checkpoint", () => {
  let log: TestSigner;
  let wa: TestSigner;
  let or: TestSigner;
  let trusted: TrustedKeys;
  const { leaves, vote } = aLog();
  let claim: VoteClaim;
  let inclusion: InclusionProofClaim;
  let note: string;

  beforeAll(async () => {
    [log, wa, or] = await Promise.all([testSigner('coalition.test/log', ED25519), testSigner('wa.example/witness', COSIGNATURE_V1), testSigner('or.example/witness', COSIGNATURE_V1)]);
    trusted = { logKey: log.verifierKey, witnessKeys: [wa.verifierKey, or.verifierKey] };
    inclusion = await proofOf(vote, leaves);
    claim = { ...vote, inclusion };
    note = await checkpointNote(log, leaves, [wa, or]);
  });

  const check = async (c: VoteClaim, n: string, keys = trusted) => checkVoteInclusion(c, STREAM, await checkCheckpoint(n, keys));

  it('holds: the size, and every witness that cosigned', async () => {
    expect(await check(claim, note)).toEqual({ ok: true, size: 9, cosigners: ['wa.example/witness', 'or.example/witness'], badCosigners: [], witnesses: ['wa.example/witness', 'or.example/witness'] });
  });

  it('names only the witnesses whose cosignature verifies', async () => {
    const onlyWa = await checkpointNote(log, leaves, [wa]);
    expect(await check(claim, onlyWa)).toMatchObject({ ok: true, cosigners: ['wa.example/witness'] });
    // A cosignature line under OR's name and key ID that OR did not make.
    const forged = onlyWa + (await or.line('another body\n'));
    expect(await check(claim, forged)).toMatchObject({ ok: true, cosigners: ['wa.example/witness'], badCosigners: ['or.example/witness'] });
  });

  it("refuses a checkpoint the log's key did not sign, or whose body was changed", async () => {
    const stranger = await testSigner('coalition.test/log', ED25519);
    expect(await check(claim, note, { ...trusted, logKey: stranger.verifierKey })).toMatchObject({ ok: false, reason: 'checkpoint', checkpoint: { reason: 'log-signature' } });
    const grown = note.replace('\n9\n', '\n10\n');
    expect(await check(claim, grown)).toMatchObject({ ok: false, reason: 'checkpoint', checkpoint: { reason: 'log-signature' } });
  });

  it("refuses a checkpoint signed by the log's key for another origin", async () => {
    const other = note.replace(/^coalition\.test\/log\n/, 'elsewhere.test/log\n');
    const resigned = `${other.slice(0, other.indexOf('\n\n') + 1)}\n${await log.line(other.slice(0, other.indexOf('\n\n') + 1))}`;
    expect(await check(claim, resigned)).toMatchObject({ ok: false, checkpoint: { reason: 'origin' } });
  });

  it('refuses a tampered proof element, a proof for another size and a leaf that is not the vote', async () => {
    const proof = inclusion.proof;
    const tampered = { ...claim, inclusion: { ...inclusion, proof: [proof[0].replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), ...proof.slice(1)] } };
    expect(await check(tampered, note)).toMatchObject({ ok: false, reason: 'proof', size: 9 });
    expect(await check({ ...claim, inclusion: { ...inclusion, treeSize: 8 } }, note)).toMatchObject({ ok: false, reason: 'other-size' });
    expect(await check({ ...claim, choice: 'no' }, note)).toMatchObject({ ok: false, reason: 'not-this-vote' });
    expect(await check({ ...claim, eventId: 'e7' }, note)).toMatchObject({ ok: false, reason: 'not-this-vote' });
  });

  it('refuses leaf bytes that are not the ones the tree hashed', async () => {
    const changed = text(JSON.stringify({ eventId: 'e6', position: 6, streamId: STREAM, type: 'VoteCast', data: { stateCode: 'OR', choice: 'yes' }, extra: 1 }));
    expect(await check({ ...claim, inclusion: { ...inclusion, leaf: b64(changed) } }, note)).toMatchObject({ ok: false, reason: 'leaf-hash' });
    // The leaf hash made to fit the changed bytes: the proof no longer reaches the signed root.
    const rehashed = b64(new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.of(0, ...changed))));
    expect(await check({ ...claim, inclusion: { ...inclusion, leaf: b64(changed), leafHash: rehashed } }, note)).toMatchObject({ ok: false, reason: 'proof' });
  });

  it('says when no checkpoint covers the vote yet', async () => {
    const early = await checkpointNote(log, leaves.slice(0, 5), [wa]);
    expect(await check({ ...vote }, early)).toMatchObject({ ok: false, reason: 'not-yet-covered', size: 5 });
    expect(await checkVoteInclusion(claim, STREAM, undefined)).toEqual({ ok: false, reason: 'no-checkpoint' });
  });
});
