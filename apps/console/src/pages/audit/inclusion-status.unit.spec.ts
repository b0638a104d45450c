import { checkCheckpoint } from '../../verify/checkpoint';
import { COSIGNATURE_V1, ED25519 } from '../../verify/note';
import { auditPath, b64, checkpointNote, testSigner, text } from '../../verify/testing/test-log';
import { checkVoteInclusion, InclusionCheck } from '../../verify/vote-inclusion';
import { inclusionStatus, inclusionSummary } from './inclusion-status';

/** One vote by WA in a log of three events, checked as the decision record page checks it. */
async function statusOf(cosign: ('WA' | 'OR')[], configured: ('WA' | 'OR')[], tamper = false) {
  const log = await testSigner('coalition.test/log', ED25519);
  const witnesses = { WA: await testSigner('WA', COSIGNATURE_V1), OR: await testSigner('OR', COSIGNATURE_V1) };
  const leaves = ['a', 'b', 'c'].map((id, i) => text(JSON.stringify({ eventId: id, position: i + 1, streamId: 'proposal-p', type: 'VoteCast', data: { stateCode: 'WA', choice: 'yes' } })));
  const note = await checkpointNote(log, leaves, cosign.map((code) => witnesses[code]));
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.of(0, ...leaves[1])));
  const proof = (await auditPath(1, leaves)).map(b64);
  if (tamper) proof[0] = b64(new Uint8Array(32));
  const checkpoint = await checkCheckpoint(note, { logKey: log.verifierKey, witnessKeys: configured.map((code) => witnesses[code].verifierKey) });
  const vote = { eventId: 'b', position: 2, stateCode: 'WA', choice: 'yes', inclusion: { leafIndex: 1, treeSize: 3, leaf: b64(leaves[1]), leafHash: b64(hash), proof } };
  return inclusionStatus(await checkVoteInclusion(vote, 'proposal-p', checkpoint));
}

describe("the decision record's words for a vote's inclusion", () => {
  it('names the size and every configured witness that cosigned', async () => {
    expect(await statusOf(['WA', 'OR'], ['WA', 'OR'])).toEqual({ verified: true, text: 'Included in the log at size 3, signed by the log and cosigned by WA, OR' });
  });

  it('names no witness that did not cosign, and none the console was not told of', async () => {
    expect(await statusOf(['OR'], ['WA', 'OR'])).toEqual({ verified: true, text: 'Included in the log at size 3, signed by the log and cosigned by OR' });
    expect(await statusOf(['WA', 'OR'], ['WA'])).toEqual({ verified: true, text: 'Included in the log at size 3, signed by the log and cosigned by WA' });
    expect(await statusOf([], ['WA'])).toEqual({ verified: true, text: 'Included in the log at size 3, signed by the log, not yet cosigned by a witness' });
    expect(await statusOf([], [])).toEqual({ verified: true, text: 'Included in the log at size 3, signed by the log' });
  });

  it('says in words that a tampered proof does not match', async () => {
    expect(await statusOf(['WA'], ['WA'], true)).toEqual({ verified: false, text: 'Proof does not match the signed checkpoint' });
  });

  it('sums the votes up: verified, failed, and waiting for a checkpoint', () => {
    const verified: InclusionCheck = { ok: true, size: 3, cosigners: [], badCosigners: [], witnesses: [] };
    expect(inclusionSummary([verified, verified])).toBe('All 2 votes checked in this browser against the signed checkpoint.');
    expect(inclusionSummary([verified, { ok: false, reason: 'proof', size: 3 }, { ok: false, reason: 'not-yet-covered', size: 3 }])).toBe(
      '1 of 3 votes checked in this browser against the signed checkpoint; 1 did not verify; 1 not yet in a signed checkpoint.',
    );
    expect(inclusionSummary([{ ok: false, reason: 'no-checkpoint' }])).toBe('0 of 1 votes checked in this browser against the signed checkpoint; 1 not yet in a signed checkpoint.');
  });

  it("says the checkpoint's own problem when the log's signature does not hold", () => {
    const checkpoint = { ok: false, reason: 'log-signature', detail: '' } as const;
    expect(inclusionStatus({ ok: false, reason: 'checkpoint', checkpoint })).toEqual({ verified: false, text: "The checkpoint is not signed by the log's key" });
  });
});
