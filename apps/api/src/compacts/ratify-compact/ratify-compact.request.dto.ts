import { ApiProperty } from '@nestjs/swagger';
import { Ratification, RATIFICATION_KINDS, RatificationKind } from '@coalition/domain';
import { IsIn, IsISO8601, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class RatifyCompactRequest implements Ratification {
  @ApiProperty({ enum: RATIFICATION_KINDS }) @IsIn(RATIFICATION_KINDS) kind!: RatificationKind;
  @ApiProperty({ example: 'RCW 38.10.010', description: 'Citation of the statute, executive order or agreement' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reference!: string;
  @ApiProperty({ format: 'date', example: '2026-03-01', description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'enactedOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  enactedOn!: string;
}
