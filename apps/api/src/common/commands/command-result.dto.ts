import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CommandResult } from './command-handling';

@ApiSchema({ name: 'CommandResult', description: "Every command's answer" })
export class CommandResultDto implements CommandResult {
  @ApiProperty({ description: 'Id of the aggregate the command acted on (or created)', example: '3f0c8f8e-5d0b-4b8e-9a55-0c1d2e3f4a5b' }) id!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: "The aggregate's stream version after the command: send it as If-Match to pin the next command", example: 3 })
  version!: number;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Global position of the last event written: pass it as minPosition to read your write', example: 42 })
  position!: number;
}
