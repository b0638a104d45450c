import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { VotingRuleDto } from '../../compacts/voting-rule.dto';

/** Admission proposals are opened by join requests, never here. */
export const OPENABLE_KINDS = ['resolution', 'amendment', 'dissolution'] as const;

export class AmendmentDto {
  @ApiPropertyOptional({ description: 'The new charter text (a new sha256 and version + 1 when passed)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200_000)
  charterText?: string;

  @ApiPropertyOptional({ type: VotingRuleDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => VotingRuleDto) votingRule?: VotingRuleDto;
}

export class OpenProposalRequest {
  @ApiProperty({ enum: OPENABLE_KINDS }) @IsIn(OPENABLE_KINDS) kind!: (typeof OPENABLE_KINDS)[number];
  @ApiProperty({ example: 'Pre-position engines for the 2026 season' }) @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @ApiProperty({ example: 'Resolved, that each party state...' }) @IsString() @MinLength(1) @MaxLength(100_000) text!: string;
  @ApiProperty({ format: 'date-time', example: '2026-06-01T17:00:00Z', description: 'When voting ends; the worker closes the proposal then' })
  @IsISO8601({ strict: true })
  closesAt!: string;
  @ApiPropertyOptional({ type: AmendmentDto, description: 'Required for, and only for, an amendment' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AmendmentDto)
  amendment?: AmendmentDto;
}
