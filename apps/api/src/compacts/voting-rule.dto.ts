import { ApiProperty } from '@nestjs/swagger';
import { VOTING_METHODS, VOTING_THRESHOLDS, VotingMethod, VotingRule, VotingThreshold } from '@coalition/domain';
import { IsIn, IsNumber, Max, Min } from 'class-validator';

export class VotingRuleDto implements VotingRule {
  @ApiProperty({ enum: VOTING_METHODS }) @IsIn(VOTING_METHODS) method!: VotingMethod;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.5, description: 'Share of the electorate weight that must vote (abstentions count)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  quorum!: number;
  @ApiProperty({ enum: VOTING_THRESHOLDS }) @IsIn(VOTING_THRESHOLDS) threshold!: VotingThreshold;
}
