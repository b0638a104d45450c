import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UsersRepository, UserView } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';
import { UserDto } from '../identity.response.dto';

@ApiTags('identity')
@Controller('users')
export class ListUsersController {
  constructor(private readonly users: UsersRepository) {}

  @Get()
  @ApiOperation({ summary: 'List users', description: 'Every user, never a password hash.' })
  @ApiOkResponse({ type: [UserDto] })
  @Access({ roles: ['admin'] })
  list(@Query() _query: ReadQuery): Promise<UserView[]> {
    return this.users.list();
  }
}
