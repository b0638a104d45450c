import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@coalition/platform';
import { Public } from '../../common/auth/access.decorator';
import { SignInProviderDto } from './sign-in-provider.dto';
import { signInProviders } from './sign-in-providers';

@ApiTags('identity')
@Controller('auth/providers')
export class ListSignInProvidersController {
  private readonly providers: SignInProviderDto[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.providers = signInProviders(config.oidcProviders);
  }

  @Get()
  @ApiOperation({
    operationId: 'listSignInProviders',
    summary: 'List the identity providers people can sign in at',
    description: 'The configured state identity providers that have a console client (`consoleClientId` in OIDC_PROVIDERS), in configured order; empty when none. Public: it holds nothing secret.',
  })
  @Public()
  @ApiOkResponse({ type: [SignInProviderDto] })
  list(): SignInProviderDto[] {
    return this.providers;
  }
}
