import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { checkCheckpoint, CheckpointCheck } from '../../verify/checkpoint';
import { checkVoteInclusion, InclusionCheck, VoteClaim } from '../../verify/vote-inclusion';
import type { DecisionRecord } from './decision-record-parts';

/** What the browser was told to trust, and the checkpoint it checked with it. */
export interface CheckedCheckpoint {
  logKey: string;
  check: CheckpointCheck | undefined;
}

/** The latest checkpoint, checked here under the log's key and the configured witnesses' keys; no check while none is signed. */
async function checkLatestCheckpoint(): Promise<CheckedCheckpoint> {
  const [logKey, witnesses, note] = await Promise.all([
    unwrap(api.GET('/api/v1/audit/log-key', { parseAs: 'text' })),
    unwrap(api.GET('/api/v1/audit/witnesses')),
    unwrap(api.GET('/api/v1/audit/checkpoint', { parseAs: 'text' })).catch((error: unknown) => {
      if (error instanceof ApiProblem && error.status === 404) return undefined;
      throw error;
    }),
  ]);
  const trusted = { logKey: logKey.trim(), witnessKeys: witnesses.witnesses.map((w) => w.verifierKey) };
  return { logKey: trusted.logKey, check: note === undefined ? undefined : await checkCheckpoint(note, trusted) };
}

/**
 * The vote's proof against the checkpoint checked here: the record's own, or, when a newer
 * checkpoint was signed between the two reads, one asked for at that checkpoint's size.
 */
async function proofAtSize(vote: VoteClaim, size: number): Promise<VoteClaim> {
  if (vote.position > size || vote.inclusion?.treeSize === size) return vote;
  const inclusion = await unwrap(api.GET('/api/v1/audit/proofs/inclusion', { params: { query: { position: vote.position, treeSize: size } } }));
  return { ...vote, inclusion };
}

export interface DecisionProofs {
  logKey: string;
  checkpoint: CheckpointCheck | undefined;
  /** By the vote's eventId. */
  votes: Map<string, InclusionCheck>;
}

async function checkDecisionProofs(record: DecisionRecord): Promise<DecisionProofs> {
  const { logKey, check } = await checkLatestCheckpoint();
  const stream = `proposal-${record.proposalId}`;
  const votes = new Map<string, InclusionCheck>();
  for (const vote of record.votes) {
    const claim = check?.ok ? await proofAtSize(vote, check.checkpoint.size) : vote;
    votes.set(vote.eventId, await checkVoteInclusion(claim, stream, check));
  }
  return { logKey, checkpoint: check, votes };
}

/** Every vote of the record checked in this browser (WebCrypto), never taken on the server's word. */
export const decisionProofsQuery = (record: DecisionRecord) =>
  queryOptions({
    queryKey: ['audit', 'decision-proofs', record.proposalId, record.votes],
    queryFn: () => checkDecisionProofs(record),
    retry: false,
  });
