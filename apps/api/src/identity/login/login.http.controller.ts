import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Request } from 'express';
import { Public } from '../../common/auth/access.decorator';
import { Principal } from '../../common/auth/principal';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { AccessToken, AuthTokens } from '../auth-tokens';
import { LocalAuthGuard } from './local-auth.guard';
import { LoginRequest } from './login.request.dto';
import { AccessTokenDto } from '../identity.response.dto';

@ApiTags('identity')
@Controller('auth')
export class LoginController {
  constructor(private readonly tokens: AuthTokens) {}

  @Post('login')
  @ApiOperation({ summary: 'Sign in with a username and password', description: 'Answers a short-lived bearer token. After 10 failed attempts for one username within 15 minutes, further attempts for it are refused (429) for the rest of that window.' })
  @Public()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ description: 'Unknown user or wrong password (the same answer for both)' })
  @ApiProblems({ status: 401, code: 'UNAUTHENTICATED' })
  login(@Req() request: Request, @Body() _body: LoginRequest): Promise<AccessToken> {
    return this.tokens.issue(request.user as Principal);
  }
}
