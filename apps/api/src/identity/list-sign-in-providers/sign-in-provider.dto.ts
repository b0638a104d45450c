import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** What a browser needs to sign a person in at a state's identity provider: nothing secret. */
@ApiSchema({ name: 'SignInProvider', description: "A state's identity provider that the console signs people in at (authorization code flow with PKCE, a public client)" })
export class SignInProviderDto {
  @ApiProperty({ description: 'The provider, as in principal ids `oidc:<name>:<sub>`', example: 'wa' }) name!: string;
  @ApiProperty({ description: 'Whose provider it is, for people', example: 'Washington' }) displayName!: string;
  @ApiProperty({ description: 'The issuer: its discovery document is at `<issuer>/.well-known/openid-configuration`', example: 'https://login.wa.gov/realms/staff' }) issuer!: string;
  @ApiProperty({ description: "The console's client id at the provider (a public client: no secret)", example: 'coalition-console' }) clientId!: string;
  @ApiProperty({ description: 'The scope to ask for, space-separated', example: 'openid' }) scope!: string;
  @ApiPropertyOptional({ description: 'The resource indicator (RFC 8707) to ask for, when the provider needs one to issue access tokens for Coalition', example: 'urn:coalition:api' }) resource?: string;
}
