import {
  Amendment, compactStreamId, ElectorateSeat, ProposalClosed, proposalDecider, ProposalKind, ProposalOpened, ProposalStatus, proposalStreamId, Tally, tallyOf, VoteCast, VoteChoice, VotingRule,
} from '@coalition/domain';
import { chainHash, EventMetadata, eventsOf, EventStore, InclusionProof, StoredEvent, TransparencyLog } from '@coalition/event-store';

/** Where a fact sits in the audit log: check it with GET /audit/verify?position=&hash= (or npm run audit:verify). */
export interface ChainReference {
  eventId: string;
  position: number;
  hash: string;
  recordedAt: string;
  actor: EventMetadata['actor'];
  /** Whether the stored event still hashes to `hash` (its link to the rest of the chain is what /audit/verify checks). */
  hashMatches: boolean;
}

export interface RecordedVote extends ChainReference {
  stateCode: string;
  choice: VoteChoice;
  castAt: string;
  castBy: string;
  /** The state's latest vote, the one the tally counts; earlier ones stay on record. */
  counted: boolean;
  /** RFC 9162 proof of the vote's event in the latest signed checkpoint; absent until a checkpoint covers it. */
  inclusion?: InclusionProof;
}

/** GET /audit/decisions/:proposalId: a proposal's decision, every fact tied to the event that recorded it. */
export interface DecisionRecord {
  proposalId: string;
  compactId: string;
  kind: ProposalKind;
  title: string;
  text: string;
  status: ProposalStatus;
  proposedBy: string;
  applicantState?: string;
  amendment?: Amendment;
  votingRule: VotingRule;
  closesAt: string;
  /** Frozen when the proposal opened, with the weights it voted with: recorded by `opened`. */
  electorate: ElectorateSeat[];
  opened: ChainReference;
  /** Every vote, in the order cast. */
  votes: RecordedVote[];
  /** Null while the proposal is open. */
  outcome: (ChainReference & { outcome: 'passed' | 'failed'; tally: Tally; closedAt: string; reason: string }) | null;
  /** The tally recomputed here from the electorate, the counted votes and the frozen rule. */
  recomputedTally: Tally;
  /** Whether the recorded tally equals the recomputed one (null while open). */
  tallyConfirmed: boolean | null;
  /** The compact's events that name this proposal: an application, and what a passed outcome did. */
  compactEvents: (ChainReference & { type: string })[];
}

const referenceOf = (event: StoredEvent): ChainReference => ({
  eventId: event.eventId,
  position: event.position,
  hash: event.hash,
  recordedAt: event.recordedAt,
  actor: event.metadata.actor,
  hashMatches: chainHash(event.prevHash, event) === event.hash,
});

/** Builds the record from the event store itself (not a read model), or undefined for an unknown proposal. */
export async function decisionRecord(store: EventStore, proposalId: string): Promise<DecisionRecord | undefined> {
  const stream = eventsOf(proposalDecider, await store.readStream(proposalStreamId(proposalId)));
  const openedEvent = stream.find((e): e is StoredEvent<ProposalOpened> => e.type === 'ProposalOpened');
  if (!openedEvent) return undefined;
  const opened = openedEvent.data;
  const voteEvents = stream.filter((e): e is StoredEvent<VoteCast> => e.type === 'VoteCast');
  const closedEvent = stream.find((e): e is StoredEvent<ProposalClosed> => e.type === 'ProposalClosed');
  const closed = closedEvent?.data;

  const latestIndex = new Map<string, number>();
  voteEvents.forEach((event, index) => latestIndex.set(event.data.stateCode, index));
  const votes: RecordedVote[] = voteEvents.map((event, index) => {
    const { stateCode, choice, castAt, castBy } = event.data;
    return { stateCode, choice, castAt, castBy, counted: latestIndex.get(stateCode) === index, ...referenceOf(event) };
  });
  const recomputedTally = tallyOf(opened.electorate, votes, opened.votingRule);
  const compactEvents = (await store.readStream(compactStreamId(opened.compactId)))
    .filter((event) => event.data.proposalId === proposalId)
    .map((event) => ({ type: event.type, ...referenceOf(event) }));

  return {
    proposalId,
    compactId: opened.compactId,
    kind: opened.kind,
    title: opened.title,
    text: opened.text,
    status: closed ? closed.outcome : 'open',
    proposedBy: opened.proposedBy,
    ...(opened.applicantState ? { applicantState: opened.applicantState } : {}),
    ...(opened.amendment ? { amendment: opened.amendment } : {}),
    votingRule: opened.votingRule,
    closesAt: opened.closesAt,
    electorate: opened.electorate,
    opened: referenceOf(openedEvent),
    votes,
    outcome:
      closed && closedEvent
        ? { outcome: closed.outcome, tally: closed.tally, closedAt: closed.closedAt, reason: closed.reason, ...referenceOf(closedEvent) }
        : null,
    recomputedTally,
    tallyConfirmed: closed ? sameTally(closed.tally, recomputedTally) : null,
    compactEvents,
  };
}

const sameTally = (a: Tally, b: Tally): boolean =>
  a.yes === b.yes && a.no === b.no && a.abstain === b.abstain && a.participation === b.participation && a.quorumMet === b.quorumMet && a.thresholdMet === b.thresholdMet;

/** Adds to each vote its inclusion proof against the latest signed checkpoint (one O(log n) read each). */
export async function withInclusionProofs(record: DecisionRecord, log: TransparencyLog): Promise<DecisionRecord> {
  const checkpoint = await log.latestCheckpoint();
  if (!checkpoint) return record;
  const votes = await Promise.all(
    record.votes.map(async (vote) => (vote.position <= checkpoint.size ? { ...vote, inclusion: await log.inclusion(vote.position, checkpoint.size) } : vote)),
  );
  return { ...record, votes };
}
