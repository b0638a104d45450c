import { ApiProperty } from '@nestjs/swagger';
import { VOTE_CHOICES, VoteChoice } from '@coalition/domain';
import { IsIn } from 'class-validator';

export class CastVoteRequest {
  @ApiProperty({ enum: VOTE_CHOICES }) @IsIn(VOTE_CHOICES) choice!: VoteChoice;
}
