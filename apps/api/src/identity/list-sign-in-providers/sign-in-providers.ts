import { OidcProviderConfig } from '@coalition/platform';
import { SignInProviderDto } from './sign-in-provider.dto';

/** The scope asked for when the provider names none: an OpenID sign-in, the roles and state come with the access token. */
export const DEFAULT_CONSOLE_SCOPE = 'openid';

/** The providers the console may offer, in configured order: those with a console client id (the single provider of OIDC_ISSUER has none). */
export function signInProviders(configs: readonly OidcProviderConfig[]): SignInProviderDto[] {
  return configs.flatMap((config) =>
    config.name !== undefined && config.consoleClientId !== undefined
      ? [{
          name: config.name,
          displayName: config.displayName ?? config.name,
          issuer: config.issuer,
          clientId: config.consoleClientId,
          scope: config.scope ?? DEFAULT_CONSOLE_SCOPE,
          ...(config.resource ? { resource: config.resource } : {}),
        }]
      : [],
  );
}

/** The origins the console's pages may fetch from: their own, and each sign-in provider's (discovery and token endpoint). */
export function signInOrigins(configs: readonly OidcProviderConfig[]): string[] {
  return [...new Set(signInProviders(configs).map((provider) => new URL(provider.issuer).origin))];
}
