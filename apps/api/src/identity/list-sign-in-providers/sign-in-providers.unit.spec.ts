import { consoleCsp } from '../../bootstrap/console-static';
import { signInOrigins } from './sign-in-providers';

const provider = (name: string, issuer: string, consoleClientId?: string) => ({
  name, issuer, jwksUri: `${issuer}/jwks`, audience: 'coalition', rolesClaim: 'roles', stateClaim: 'state_code', vouchesFor: ['WA'], ...(consoleClientId ? { consoleClientId } : {}),
});

describe("the console's connect-src", () => {
  it("allows the origins of the providers it signs in at, each once, and no other provider's", () => {
    const origins = signInOrigins([
      provider('wa', 'https://login.wa.gov/realms/staff', 'console'),
      provider('wa2', 'https://login.wa.gov/realms/contractors', 'console'),
      provider('or', 'http://127.0.0.1:4100', 'console'),
      provider('services', 'https://services.example', undefined),
    ]);
    expect(origins).toEqual(['https://login.wa.gov', 'http://127.0.0.1:4100']);
    expect(consoleCsp(origins)).toContain("connect-src 'self' https://login.wa.gov http://127.0.0.1:4100;");
    expect(consoleCsp([])).toContain("connect-src 'self';");
  });
});
