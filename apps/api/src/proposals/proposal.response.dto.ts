import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Amendment, ElectorateSeat, PROPOSAL_KINDS, ProposalKind, ProposalStatus, Tally, VOTE_CHOICES, VoteChoice } from '@coalition/domain';
import { ProposalView, VoteView } from '@coalition/read-side';
import { VotingRuleDto } from '../compacts/voting-rule.dto';

export const PROPOSAL_STATUSES: ProposalStatus[] = ['open', 'passed', 'failed'];

@ApiSchema({ name: 'ElectorateSeat' })
export class ElectorateSeatResponse implements ElectorateSeat {
  @ApiProperty({ example: 'WA' }) stateCode!: string;
  @ApiProperty({ minimum: 0, description: '1 under one-state-one-vote; the population when the proposal opened under population-weighted' }) weight!: number;
}

@ApiSchema({ name: 'Vote' })
export class VoteResponse implements VoteView {
  @ApiProperty({ example: 'WA' }) stateCode!: string;
  @ApiProperty({ enum: VOTE_CHOICES }) choice!: VoteChoice;
  @ApiProperty({ format: 'date-time' }) castAt!: string;
  @ApiProperty({ description: 'The principal that cast it' }) castBy!: string;
}

@ApiSchema({ name: 'Tally' })
export class TallyResponse implements Tally {
  @ApiProperty({ minimum: 0, description: 'Sum of the weights whose latest vote is yes' }) yes!: number;
  @ApiProperty({ minimum: 0 }) no!: number;
  @ApiProperty({ minimum: 0 }) abstain!: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: "Weight that voted (abstentions included) over the electorate's weight" }) participation!: number;
  @ApiProperty() quorumMet!: boolean;
  @ApiProperty() thresholdMet!: boolean;
}

@ApiSchema({ name: 'Amendment' })
export class AmendmentResponse implements Amendment {
  @ApiPropertyOptional() charterText?: string;
  @ApiPropertyOptional({ type: VotingRuleDto }) votingRule?: VotingRuleDto;
}

@ApiSchema({ name: 'Proposal' })
export class ProposalResponse implements ProposalView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) compactId!: string;
  @ApiProperty({ enum: PROPOSAL_KINDS }) kind!: ProposalKind;
  @ApiProperty() title!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status!: ProposalStatus;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ type: [ElectorateSeatResponse], description: "Frozen when the proposal opened: the compact's ratified states" }) electorate!: ElectorateSeatResponse[];
  @ApiProperty({ type: [VoteResponse], description: 'Every vote cast, in order; a state that changed its vote appears once per vote' }) votes!: VoteResponse[];
  @ApiProperty({ type: TallyResponse }) tally!: TallyResponse;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiProperty({ example: 'WA', description: 'The proposing state' }) proposedBy!: string;
  @ApiPropertyOptional({ example: 'ID', description: 'Admission proposals: the state asking to join' }) applicantState?: string;
  @ApiPropertyOptional({ type: AmendmentResponse }) amendment?: AmendmentResponse;
  @ApiProperty({ type: VotingRuleDto, description: 'The rule frozen when it opened' }) votingRule!: VotingRuleDto;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Stream version, for If-Match' }) version!: number;
  @ApiProperty({ description: 'Its stream in the audit log (GET /audit/streams/{streamId})' }) streamId!: string;
}
