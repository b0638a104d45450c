import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Charter, CompactStatus, MemberStatus, RATIFICATION_KINDS, Ratification, RatificationKind } from '@coalition/domain';
import { CompactMemberView, CompactSummary, CompactView } from '@coalition/read-side';
import { VotingRuleDto } from './voting-rule.dto';

const COMPACT_STATUSES: CompactStatus[] = ['draft', 'active', 'dissolved'];
const MEMBER_STATUSES: MemberStatus[] = ['applied', 'admitted', 'ratified', 'withdrawing', 'withdrawn'];
const STREAM = 'Its stream in the audit log (GET /audit/streams/{streamId})';

@ApiSchema({ name: 'Charter' })
export class CharterResponse implements Charter {
  @ApiProperty() text!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'Hex SHA-256 of the UTF-8 text: the copy a state ratified can be checked against it' }) sha256!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: '1 when drafted; each passed amendment of the text adds one' }) version!: number;
}

@ApiSchema({ name: 'Ratification' })
export class RatificationResponse implements Ratification {
  @ApiProperty({ enum: RATIFICATION_KINDS }) kind!: RatificationKind;
  @ApiProperty({ example: 'RCW 38.10.010' }) reference!: string;
  @ApiProperty({ format: 'date', example: '2026-03-01' }) enactedOn!: string;
}

@ApiSchema({ name: 'CompactMember' })
export class CompactMemberResponse implements CompactMemberView {
  @ApiProperty({ example: 'WA' }) stateCode!: string;
  @ApiProperty({ enum: MEMBER_STATUSES }) status!: MemberStatus;
  @ApiPropertyOptional({ type: RatificationResponse }) ratification?: RatificationResponse;
  @ApiPropertyOptional({ format: 'date-time', description: 'When a withdrawing state is withdrawn' }) effectiveAt?: string;
}

@ApiSchema({ name: 'Compact' })
export class CompactResponse implements CompactView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ enum: COMPACT_STATUSES }) status!: CompactStatus;
  @ApiProperty({ type: CharterResponse }) charter!: CharterResponse;
  @ApiProperty({ type: VotingRuleDto }) votingRule!: VotingRuleDto;
  @ApiProperty({ type: 'integer', minimum: 1 }) minRatifications!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) withdrawalNoticeDays!: number;
  @ApiProperty({ type: [CompactMemberResponse] }) members!: CompactMemberResponse[];
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Stream version, for If-Match' }) version!: number;
  @ApiProperty({ description: STREAM, example: 'compact-3f0c8f8e-5d0b-4b8e-9a55-0c1d2e3f4a5b' }) streamId!: string;
}

@ApiSchema({ name: 'CompactSummary' })
export class CompactSummaryResponse implements CompactSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: COMPACT_STATUSES }) status!: CompactStatus;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Members admitted, ratified or withdrawing' }) memberCount!: number;
  @ApiProperty({ description: STREAM }) streamId!: string;
}
