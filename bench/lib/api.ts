/** A minimal JSON caller of the running api, for setting the stage before a measurement. */
export interface ApiCaller {
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export function apiCaller(baseUrl: string, token?: string): ApiCaller {
  return {
    async call<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
    },
  };
}

/** Calls and insists on one of the expected statuses. */
export async function expectStatus<T = Record<string, unknown>>(
  caller: ApiCaller,
  method: string,
  path: string,
  body: unknown,
  statuses: number[],
): Promise<T> {
  const answer = await caller.call<T>(method, path, body);
  if (!statuses.includes(answer.status)) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const body = await expectStatus<{ accessToken: string }>(apiCaller(baseUrl), 'POST', '/auth/login', { username, password }, [200]);
  return body.accessToken;
}
