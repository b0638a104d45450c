import { Body, Controller, HttpCode, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { StateCodePipe } from '../state-code.pipe';
import { ChangePopulationCommand } from './change-population.command';
import { ChangePopulationRequest } from './change-population.request.dto';

@ApiTags('member states')
@Controller('states')
export class ChangePopulationController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':code')
  @ApiOperation({ summary: "Change a state's population", description: 'Population-weighted proposals opened afterwards weigh it; open ones keep their frozen weights.' })
  @HttpCode(200)
  @Access({ roles: ['admin'] })
  @ApiOkResponse({ type: CommandResultDto })
  change(@Param('code', StateCodePipe) code: string, @Body() body: ChangePopulationRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new ChangePopulationCommand(code, body.population, meta));
  }
}
