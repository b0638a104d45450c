import { z } from 'zod';
import { httpUrl } from './values';

/** A claim name, or a dotted path into nested claims (`realm_access.roles`). */
export const claimPath = z.string().regex(/^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/, 'must be a claim name or a dotted path of claim names');

/** A state code, `platform` (the platform roles `admin` and `auditor`) or `*` (every state). */
export const vouchee = z.string().regex(/^([A-Z]{2}|platform|\*)$/, 'must be a two-letter state code, "platform" or "*"');

/** Keys fetched over plain HTTP could be swapped by anyone on the path, and with them every identity: https, or loopback. */
const loopbackHost = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
const secureOrLoopback = (url: string) => {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  return parsed !== undefined && (parsed.protocol === 'https:' || loopbackHost.test(parsed.hostname));
};
const keysUrl = httpUrl.refine(secureOrLoopback, 'must be an https URL (plain http only on loopback)');

/** OAuth scope values (RFC 6749 3.3), space-separated. */
const scopeList = z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'must be scope values separated by single spaces');

/** One identity provider: whose tokens it issues, where its keys are, and what it may vouch for. */
const oidcProvider = z
  .object({
    // In the ids of the principals it vouches for (`oidc:<name>:<sub>`): two providers' subjects never collide.
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1 to 32 lower-case letters, digits or "-"'),
    issuer: z.string().url('must be a URL'),
    jwksUri: keysUrl,
    audience: z.string().min(1),
    rolesClaim: claimPath.default('roles'),
    stateClaim: claimPath.default('state_code'),
    vouchesFor: z.array(vouchee).min(1, 'must name at least one state, "platform" or "*"'),
    // What the staff console needs to sign people in here (a public client: code flow with PKCE, no secret).
    consoleClientId: z.string().min(1).max(255).optional(),
    displayName: z.string().trim().min(1).max(64).optional(),
    scope: scopeList.optional(),
    resource: z.string().url('must be a URL').optional(),
  })
  .strict()
  .superRefine((provider, ctx) => {
    // The browser fetches the discovery document and the token endpoint itself: https, or loopback.
    if (provider.consoleClientId !== undefined && !secureOrLoopback(provider.issuer)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['issuer'], message: 'must be an https URL (plain http only on loopback) for a provider with a consoleClientId' });
    }
  });

/** The single provider of OIDC_ISSUER has no name: its principals keep the ids they had, `oidc:<sub>`. */
export type OidcProviderConfig = Omit<z.infer<typeof oidcProvider>, 'name'> & { name?: string };

/** OIDC_PROVIDERS: a JSON array of providers, each name and issuer given once (a token's `iss` picks its provider). */
export const oidcProviders = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a JSON array of providers' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(oidcProvider)
      .min(1, 'must name at least one provider')
      .superRefine((providers, ctx) => {
        const seen = new Set<string>();
        providers.forEach((provider, index) => {
          for (const field of ['name', 'issuer'] as const) {
            if (seen.has(`${field} ${provider[field]}`)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, field], message: `${field} ${provider[field]} is named twice` });
            seen.add(`${field} ${provider[field]}`);
          }
        });
      }),
  );
