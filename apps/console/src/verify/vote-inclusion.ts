import { equalBytes, fromBase64 } from './bytes';
import { CheckpointCheck } from './checkpoint';
import { leafHash, verifyInclusion } from './merkle';

/** What the decision record says about one vote, and the inclusion proof it came with. */
export interface VoteClaim {
  eventId: string;
  position: number;
  stateCode: string;
  choice: string;
  inclusion?: InclusionProofClaim;
}

export interface InclusionProofClaim {
  leafIndex: number;
  treeSize: number;
  /** Base64 of the event's canonical bytes, the leaf data. */
  leaf?: string;
  leafHash: string;
  proof: string[];
}

export type InclusionCheck =
  | { ok: true; size: number; cosigners: string[]; badCosigners: string[]; witnesses: string[] }
  | { ok: false; reason: 'no-checkpoint' | 'not-yet-covered' | 'no-leaf' | 'not-this-vote' | 'leaf-hash' | 'other-size' | 'proof'; size?: number }
  | { ok: false; reason: 'checkpoint'; checkpoint: Extract<CheckpointCheck, { ok: false }> };

/** The leaf is the vote's own event: its id, position, stream, type, state and choice, read from the bytes the tree hashed. */
function leafIsTheVote(leaf: Uint8Array, vote: VoteClaim, streamId: string): boolean {
  let event: { eventId?: unknown; position?: unknown; streamId?: unknown; type?: unknown; data?: { stateCode?: unknown; choice?: unknown } };
  try {
    event = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(leaf)) as typeof event;
  } catch {
    return false;
  }
  return (
    event.eventId === vote.eventId &&
    event.position === vote.position &&
    event.streamId === streamId &&
    event.type === 'VoteCast' &&
    event.data?.stateCode === vote.stateCode &&
    event.data?.choice === vote.choice
  );
}

const decodeAll = (items: string[]): Uint8Array[] | undefined => {
  const out = items.map(fromBase64);
  return out.every((item): item is Uint8Array => item !== undefined) ? out : undefined;
};

/**
 * The statement the console shows for a vote, checked here and not taken from the server: the
 * leaf is this vote's event bytes, its hash is SHA-256(0x00 || leaf), the proof leads from it at
 * index position - 1 to the root of the checkpoint of size N, and that checkpoint verified under
 * the log's key (with the witnesses that cosigned it).
 */
export async function checkVoteInclusion(vote: VoteClaim, streamId: string, checkpoint: CheckpointCheck | undefined): Promise<InclusionCheck> {
  if (!checkpoint) return { ok: false, reason: 'no-checkpoint' };
  if (!checkpoint.ok) return { ok: false, reason: 'checkpoint', checkpoint };
  const { size, root } = checkpoint.checkpoint;
  const proof = vote.inclusion;
  if (!proof) return { ok: false, reason: vote.position > size ? 'not-yet-covered' : 'proof', size };
  if (proof.treeSize !== size) return { ok: false, reason: 'other-size', size };
  const leaf = proof.leaf === undefined ? undefined : fromBase64(proof.leaf);
  if (!leaf) return { ok: false, reason: 'no-leaf', size };
  if (!leafIsTheVote(leaf, vote, streamId) || proof.leafIndex !== vote.position - 1) return { ok: false, reason: 'not-this-vote', size };
  const hash = await leafHash(leaf);
  const claimed = fromBase64(proof.leafHash);
  if (!claimed || !equalBytes(hash, claimed)) return { ok: false, reason: 'leaf-hash', size };
  const path = decodeAll(proof.proof);
  if (!path || !(await verifyInclusion(proof.leafIndex, size, hash, path, root))) return { ok: false, reason: 'proof', size };
  return { ok: true, size, cosigners: checkpoint.cosigners, badCosigners: checkpoint.badCosigners, witnesses: checkpoint.witnesses };
}
