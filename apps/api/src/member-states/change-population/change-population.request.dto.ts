import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class ChangePopulationRequest {
  @ApiProperty({ example: 7_900_000 }) @IsInt() @Min(0) @Max(1_000_000_000) population!: number;
}
