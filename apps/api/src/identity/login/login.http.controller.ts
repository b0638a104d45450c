import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Request } from 'express';
import { Public } from '../../common/auth/access.decorator';
import { Principal } from '../../common/auth/principal';
import { AccessToken, AuthTokens } from '../auth-tokens';
import { LocalAuthGuard } from './local-auth.guard';
import { LoginRequest } from './login.request.dto';

@ApiTags('identity')
@Controller('auth')
export class LoginController {
  constructor(private readonly tokens: AuthTokens) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOkResponse({ description: '{accessToken, tokenType: "Bearer", expiresIn}' })
  @ApiUnauthorizedResponse({ description: 'Unknown user or wrong password (the same answer for both)' })
  login(@Req() request: Request, @Body() _body: LoginRequest): Promise<AccessToken> {
    return this.tokens.issue(request.user as Principal);
  }
}
