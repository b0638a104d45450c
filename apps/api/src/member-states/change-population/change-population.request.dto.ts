import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class ChangePopulationRequest {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1_000_000_000, example: 7_900_000 }) @IsInt() @Min(0) @Max(1_000_000_000) population!: number;
}
