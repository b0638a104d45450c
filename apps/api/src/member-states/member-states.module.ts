import { Module } from '@nestjs/common';
import { ChangePopulationHandler } from './change-population/change-population.handler';
import { ChangePopulationController } from './change-population/change-population.http.controller';
import { ListStatesController } from './list-states/list-states.http.controller';
import { RegisterStateHandler } from './register-state/register-state.handler';
import { RegisterStateController } from './register-state/register-state.http.controller';

@Module({
  controllers: [RegisterStateController, ChangePopulationController, ListStatesController],
  providers: [RegisterStateHandler, ChangePopulationHandler],
})
export class MemberStatesModule {}
