import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumberString, IsOptional } from 'class-validator';

/** Every GET accepts `minPosition` (read your writes); query DTOs extend this so strict validation allows it. */
export class ReadQuery {
  @ApiPropertyOptional({ description: 'Wait until the read models have processed this global position' })
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  minPosition?: string;
}
