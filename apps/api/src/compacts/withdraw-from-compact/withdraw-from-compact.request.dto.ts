import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class WithdrawFromCompactRequest {
  @ApiProperty({ example: 'The legislature repealed the enabling statute' }) @IsString() @MinLength(1) @MaxLength(5_000) reason!: string;
}
