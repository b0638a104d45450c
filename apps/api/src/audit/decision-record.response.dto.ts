import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PROPOSAL_KINDS, ProposalKind, ProposalStatus, VOTE_CHOICES, VoteChoice } from '@coalition/domain';
import { ChainReference, DecisionRecord, RecordedVote } from '@coalition/read-side';
import { VotingRuleDto } from '../compacts/voting-rule.dto';
import { AmendmentResponse, ElectorateSeatResponse, PROPOSAL_STATUSES, TallyResponse } from '../proposals/proposal.response.dto';
import { EventActorResponse } from './audit.response.dto';
import { InclusionProofResponse } from './transparency.dto';

@ApiSchema({ name: 'ChainReference', description: 'Where a fact sits in the audit log: check it with GET /audit/verify?position=&hash=' })
export class ChainReferenceResponse implements ChainReference {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) position!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) hash!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: EventActorResponse }) actor!: EventActorResponse;
  @ApiProperty({ description: 'Whether the stored event still hashes to `hash`' }) hashMatches!: boolean;
}

@ApiSchema({ name: 'RecordedVote' })
export class RecordedVoteResponse extends ChainReferenceResponse implements RecordedVote {
  @ApiProperty({ example: 'WA' }) stateCode!: string;
  @ApiProperty({ enum: VOTE_CHOICES }) choice!: VoteChoice;
  @ApiProperty({ format: 'date-time' }) castAt!: string;
  @ApiProperty() castBy!: string;
  @ApiProperty({ description: "The state's latest vote, the one the tally counts; earlier ones stay on record" }) counted!: boolean;
  @ApiPropertyOptional({ type: InclusionProofResponse, description: "RFC 9162 inclusion proof of the vote's event in the latest signed checkpoint (GET /audit/checkpoint); absent until a checkpoint covers it" })
  inclusion?: InclusionProofResponse;
}

@ApiSchema({ name: 'RecordedOutcome' })
export class RecordedOutcomeResponse extends ChainReferenceResponse {
  @ApiProperty({ enum: ['passed', 'failed'] }) outcome!: 'passed' | 'failed';
  @ApiProperty({ type: TallyResponse }) tally!: TallyResponse;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({ enum: ['all-voted', 'closes-at'], description: 'Closed because every electorate state voted, or at closesAt' }) reason!: 'all-voted' | 'closes-at';
}

@ApiSchema({ name: 'RecordedCompactEvent' })
export class RecordedCompactEventResponse extends ChainReferenceResponse {
  @ApiProperty({ example: 'MemberAdmitted' }) type!: string;
}

@ApiSchema({ name: 'DecisionRecord', description: "A proposal's decision from the event store, every fact tied to the event that recorded it" })
export class DecisionRecordResponse implements DecisionRecord {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ format: 'uuid' }) compactId!: string;
  @ApiProperty({ enum: PROPOSAL_KINDS }) kind!: ProposalKind;
  @ApiProperty() title!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status!: ProposalStatus;
  @ApiProperty({ example: 'WA' }) proposedBy!: string;
  @ApiPropertyOptional({ example: 'ID' }) applicantState?: string;
  @ApiPropertyOptional({ type: AmendmentResponse }) amendment?: AmendmentResponse;
  @ApiProperty({ type: VotingRuleDto }) votingRule!: VotingRuleDto;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ type: [ElectorateSeatResponse], description: 'Frozen when the proposal opened' }) electorate!: ElectorateSeatResponse[];
  @ApiProperty({ type: ChainReferenceResponse, description: 'The event that opened it' }) opened!: ChainReferenceResponse;
  @ApiProperty({ type: [RecordedVoteResponse], description: 'Every vote, in the order cast' }) votes!: RecordedVoteResponse[];
  @ApiProperty({ type: RecordedOutcomeResponse, nullable: true, description: 'Null while the proposal is open' }) outcome!: RecordedOutcomeResponse | null;
  @ApiProperty({ type: TallyResponse, description: 'The tally recomputed from the electorate, the counted votes and the frozen rule' }) recomputedTally!: TallyResponse;
  @ApiProperty({ type: 'boolean', nullable: true, description: 'Whether the recorded tally equals the recomputed one (null while open)' }) tallyConfirmed!: boolean | null;
  @ApiProperty({ type: [RecordedCompactEventResponse], description: "The compact's events that name this proposal" }) compactEvents!: RecordedCompactEventResponse[];
}
