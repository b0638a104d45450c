import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UsersRepository, UserView } from '@coalition/infra';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('users')
export class ListUsersController {
  constructor(private readonly users: UsersRepository) {}

  @Get()
  @Access({ roles: ['admin'] })
  list(@Query() _query: ReadQuery): Promise<UserView[]> {
    return this.users.list();
  }
}
