import { ApiProperty } from '@nestjs/swagger';
import { STATE_CODE_PATTERN } from '@coalition/domain';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class RegisterStateRequest {
  @ApiProperty({ example: 'WA' }) @Matches(STATE_CODE_PATTERN, { message: 'code must be two upper-case letters' }) code!: string;
  @ApiProperty({ example: 'Washington' }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1_000_000_000, example: 7_812_880 }) @IsInt() @Min(0) @Max(1_000_000_000) population!: number;
}
