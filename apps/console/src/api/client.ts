import { createCoalitionClient } from '@coalition/api-client';
import { ApiProblem } from './problem';

let currentToken: string | undefined;
let onUnauthenticated: () => void = () => undefined;

/** The session owns the token; the client reads it before every request. */
export const credentials = {
  set(token: string | undefined) {
    currentToken = token;
  },
  get: () => currentToken,
  onUnauthenticated(listener: () => void) {
    onUnauthenticated = listener;
  },
};

/** The typed client of the published HTTP API: every path, body and answer comes from the api's OpenAPI document. */
export const api = createCoalitionClient({ baseUrl: window.location.origin, token: () => currentToken });

// The token each answer was asked with: a request still in flight when the token changed (a
// password change ends every earlier token and hands this tab a new one) may come back 401
// after the new token is in use, and that refusal says nothing about the new one.
const askedWith = new WeakMap<Response, string | undefined>();
api.use({
  onResponse({ request, response }) {
    askedWith.set(response, request.headers.get('authorization')?.replace(/^Bearer /, ''));
    return undefined;
  },
});

type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * The data of an answer, or the problem it carried, thrown. A 401 means the session's token
 * was refused (the renewal dialog opens), except where the api answers 401 for a wrong password
 * given in the body (`passwordInBody`).
 */
export async function unwrap<T>(call: Promise<Answer<T>>, options: { passwordInBody?: boolean } = {}): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    const refusedCurrentToken = currentToken !== undefined && askedWith.get(response) === currentToken;
    if (response.status === 401 && refusedCurrentToken && !options.passwordInBody) onUnauthenticated();
    throw new ApiProblem(response.status, error as ConstructorParameters<typeof ApiProblem>[1], response.headers.get('retry-after'));
  }
  return data as T;
}
