import { ApiProperty } from '@nestjs/swagger';
import { CommandResult } from './command-handling';

export class CommandResultDto implements CommandResult {
  @ApiProperty({ description: 'Id of the aggregate the command acted on' }) id!: string;
  @ApiProperty({ description: 'Stream version after the command' }) version!: number;
  @ApiProperty({ description: 'Global position of the last event written' }) position!: number;
}
