import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiSchema, ApiTags } from '@nestjs/swagger';
import { AppConfig, APP_CONFIG } from '@coalition/infra';
import { Public } from '../../common/auth/access.decorator';
import { SignInProvider, signInProviders } from './sign-in-providers';

@ApiSchema({ name: 'SignInProvider', description: "A state's identity provider that the console signs people in at (authorization code flow with PKCE, a public client)" })
export class SignInProviderDto implements SignInProvider {
  @ApiProperty({ description: 'The provider, as in principal ids `oidc:<name>:<sub>`', example: 'wa' }) name!: string;
  @ApiProperty({ description: 'Whose provider it is, for people', example: 'Washington' }) displayName!: string;
  @ApiProperty({ description: 'The issuer: its discovery document is at `<issuer>/.well-known/openid-configuration`', example: 'https://login.wa.gov/realms/staff' }) issuer!: string;
  @ApiProperty({ description: "The console's client id at the provider (a public client: no secret)", example: 'coalition-console' }) clientId!: string;
  @ApiProperty({ description: 'The scope to ask for, space-separated', example: 'openid' }) scope!: string;
  @ApiPropertyOptional({ description: 'The resource indicator (RFC 8707) to ask for, when the provider needs one to issue access tokens for Coalition', example: 'urn:coalition:api' }) resource?: string;
}

@ApiTags('identity')
@Controller('auth/providers')
export class ListSignInProvidersController {
  private readonly providers: SignInProvider[];

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
  list(): SignInProvider[] {
    return this.providers;
  }
}
