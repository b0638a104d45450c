import * as oauth from 'oauth4webapi';
import type { components } from '@coalition/api-client';

export type SignInProvider = components['schemas']['SignInProvider'];

/** A sign-in this tab started: what the callback needs to finish it, kept in sessionStorage until then. */
interface Pending {
  provider: SignInProvider;
  state: string;
  codeVerifier: string;
  returnTo: string;
}

/** An access token from a provider's token endpoint, for the session to carry. */
export interface ProviderToken {
  provider: SignInProvider;
  accessToken: string;
  expiresIn: number;
  returnTo: string;
}

const PENDING = 'coalition.oidc.pending';
export const CALLBACK_PATH = '/auth/callback';
const redirectUri = () => `${window.location.origin}${CALLBACK_PATH}`;

/** A sign-in that went wrong, in words for the sign-in page. */
export class SignInError extends Error {}

const whose = (provider: SignInProvider) => `${provider.displayName}'s identity provider`;

// Plain http only reaches a loopback issuer: the api refuses any other for a console client.
const requestOptions = (provider: SignInProvider) => (new URL(provider.issuer).protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {});

async function discover(provider: SignInProvider): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(provider.issuer);
  let response: Response;
  try {
    response = await oauth.discoveryRequest(issuer, { ...requestOptions(provider), algorithm: 'oidc' });
  } catch (error) {
    throw new SignInError(`Could not reach ${whose(provider)} (${issuer.origin}). Try again later, or sign in with your Coalition password.`, { cause: error });
  }
  try {
    return await oauth.processDiscoveryResponse(issuer, response);
  } catch (error) {
    throw new SignInError(`${whose(provider)} did not describe itself as expected (its discovery document at ${issuer.href}). Tell your administrator.`, { cause: error });
  }
}

/** Sends the browser to the provider: an authorization request with PKCE (S256) and a state, both kept in this tab. */
export async function beginSignIn(provider: SignInProvider, returnTo: string): Promise<void> {
  const as = await discover(provider);
  if (!as.authorization_endpoint) throw new SignInError(`${whose(provider)} names no authorization endpoint. Tell your administrator.`);
  const pending: Pending = { provider, state: oauth.generateRandomState(), codeVerifier: oauth.generateRandomCodeVerifier(), returnTo };
  const url = new URL(as.authorization_endpoint);
  const parameters = {
    client_id: provider.clientId, response_type: 'code', redirect_uri: redirectUri(), scope: provider.scope, state: pending.state,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.codeVerifier), code_challenge_method: 'S256',
    ...(provider.resource ? { resource: provider.resource } : {}),
  };
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  window.location.assign(url.href);
}

function takePending(): Pending {
  const text = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  if (!text) throw new SignInError('This tab started no sign-in at an identity provider, or has already finished it. Nothing was signed in: start again.');
  return JSON.parse(text) as Pending;
}

function refused(provider: SignInProvider, error: oauth.AuthorizationResponseError): SignInError {
  const why = error.error_description ? ` (${error.error_description})` : '';
  if (error.error === 'access_denied') return new SignInError(`${whose(provider)} did not let Coalition sign you in: access was denied${why}. Nothing was signed in.`);
  return new SignInError(`${whose(provider)} refused the sign-in: ${error.error}${why}.`);
}

/** The seconds a token lives: the token endpoint's `expires_in`, else the JWT's own `exp`. */
function lifetime(result: oauth.TokenEndpointResponse): number {
  if (typeof result.expires_in === 'number') return result.expires_in;
  try {
    const exp = (JSON.parse(atob(result.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number }).exp;
    if (typeof exp === 'number') return Math.max(0, exp - Date.now() / 1000);
  } catch {
    // not a JWT we can read: the api decides
  }
  return 300;
}

/** At the callback: checks the answer belongs to the sign-in this tab started, then exchanges the code (a public client, no secret). */
export async function finishSignIn(callback: URL): Promise<ProviderToken> {
  const { provider, state, codeVerifier, returnTo } = takePending();
  if (callback.searchParams.get('state') !== state) {
    throw new SignInError(`The answer from ${whose(provider)} does not belong to the sign-in this tab started (its state does not match). Nothing was signed in: start again.`);
  }
  const as = await discover(provider);
  const client: oauth.Client = { client_id: provider.clientId, token_endpoint_auth_method: 'none' };
  let result: oauth.TokenEndpointResponse;
  try {
    const parameters = oauth.validateAuthResponse(as, client, callback, state);
    const options = { ...requestOptions(provider), ...(provider.resource ? { additionalParameters: { resource: provider.resource } } : {}) };
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), parameters, redirectUri(), codeVerifier, options);
    result = await oauth.processAuthorizationCodeResponse(as, client, response);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) throw refused(provider, error);
    if (error instanceof oauth.ResponseBodyError) throw new SignInError(`${whose(provider)} would not hand out a token: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}.`, { cause: error });
    if (error instanceof TypeError) throw new SignInError(`Could not reach ${whose(provider)} to finish signing in. Try again later.`, { cause: error });
    throw new SignInError(`The sign-in at ${whose(provider)} could not be finished: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
  return { provider, accessToken: result.access_token, expiresIn: lifetime(result), returnTo };
}
