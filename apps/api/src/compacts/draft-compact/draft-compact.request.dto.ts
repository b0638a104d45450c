import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STATE_CODE_PATTERN } from '@coalition/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { VotingRuleDto } from '../voting-rule.dto';

export class CharterDto {
  @ApiProperty({ example: 'Article I. The party states agree to render mutual aid...' })
  @IsString()
  @MinLength(1)
  @MaxLength(200_000)
  text!: string;
}

export class DraftCompactRequest {
  @ApiProperty({ example: 'Western Wildfire Mutual Aid Compact' }) @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @ApiProperty({ example: 'Share crews and engines during fire season' }) @IsString() @MinLength(1) @MaxLength(5_000) purpose!: string;
  @ApiProperty({ type: CharterDto }) @IsObject() @ValidateNested() @Type(() => CharterDto) charter!: CharterDto;
  @ApiProperty({ type: VotingRuleDto }) @IsObject() @ValidateNested() @Type(() => VotingRuleDto) votingRule!: VotingRuleDto;
  @ApiProperty({ example: ['WA', 'OR', 'CA'], description: "Must include the caller's state; they start admitted" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ArrayUnique()
  @Matches(STATE_CODE_PATTERN, { each: true, message: 'each founding state must be two upper-case letters' })
  foundingStates!: string[];
  @ApiPropertyOptional({ type: 'integer', default: 2, minimum: 1, maximum: 60 }) @IsOptional() @IsInt() @Min(1) @Max(60) minRatifications?: number;
  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: 3_650 }) @IsOptional() @IsInt() @Min(0) @Max(3_650) withdrawalNoticeDays?: number;
}
