import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumberString, IsOptional } from 'class-validator';

/** Every GET accepts `minPosition` (read your writes); query DTOs extend this so strict validation allows it. */
export class ReadQuery {
  // Query strings are text: the value is checked as digits, and the document says what it means, an integer.
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Wait (up to 10 s) until the read models have processed this global position: pass the `position` a command answered' })
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  minPosition?: string;
}
