import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class DeclineOfferRequest {
  @ApiPropertyOptional({ example: 'Sourced within the state' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
