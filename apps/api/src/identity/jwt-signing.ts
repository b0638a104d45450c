export const JWT_SIGNING = Symbol('JWT_SIGNING');

/** What our access tokens are signed with and bound to. */
export interface JwtSigning {
  secret: string;
  /** `iss` and `aud` of every token: `urn:coalition:deployment:<DEPLOYMENT_ID or the database's own id>`. */
  deployment: string;
}

export const deploymentUrn = (id: string): string => `urn:coalition:deployment:${id}`;
