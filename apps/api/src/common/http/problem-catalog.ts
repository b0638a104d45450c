/**
 * What each problem `code` means, for the page its `type` URI names (GET /api/v1/problems/<code>).
 * A test checks that every code the OpenAPI document lists has an entry here.
 */
export interface ProblemEntry {
  status: number;
  meaning: string;
  /** What the caller can do about it. */
  remedy: string;
}

export const PROBLEM_CATALOG: Record<string, ProblemEntry> = {
  VALIDATION_FAILED: { status: 400, meaning: 'The request is malformed: invalid JSON, an unknown or missing field, a wrong type or format. `errors` names each field at fault.', remedy: 'Correct the named fields and send the request again.' },
  CATEGORIES_DO_NOT_SUM: { status: 400, meaning: "A reimbursement claim's categories (personnel, travel, equipment, commodities, other) do not add up to its amount.", remedy: 'Make the categories sum to the amount.' },
  WEBHOOK_ADDRESS_NOT_ALLOWED: { status: 400, meaning: 'The webhook URL is not http(s), or it names a private, loopback or otherwise non-public address, which this deployment refuses.', remedy: 'Register a public http(s) URL.' },
  WEBHOOK_HOST_UNRESOLVED: { status: 400, meaning: "The webhook URL's host name does not resolve.", remedy: 'Check the host name, or register the webhook once its DNS record exists.' },
  UNAUTHENTICATED: { status: 401, meaning: 'No credentials, or expired or invalid ones: a bearer token or an API key is missing, malformed, expired or revoked, or a login was refused. The answer carries `WWW-Authenticate`.', remedy: 'Sign in again (POST /api/v1/auth/login) or present a valid `X-API-Key`.' },
  FORBIDDEN: { status: 403, meaning: 'The principal is known but may not do this: its role or key scope does not cover the route, or it tried to act for another state.', remedy: 'Use a principal with the right role or scope, acting for its own state.' },
  NOT_FOUND: { status: 404, meaning: 'Nothing is known by that id or path.', remedy: 'Check the id; after a command, read with `?minPosition=` set to its position.' },
  LAST_ACTIVE_ADMIN: { status: 409, meaning: 'The user is the last active admin: deactivating it would leave no one able to administer the deployment.', remedy: 'Register another admin first, then deactivate this one.' },
  USER_INACTIVE: { status: 409, meaning: "The user is deactivated, so its password cannot be changed or reset.", remedy: 'Register a new user, or leave the deactivated one as it is.' },
  IDENTITY_PROVIDER_UNAVAILABLE: { status: 503, meaning: "The state identity provider that issued the bearer token could not be reached for its signing keys, so the token could not be checked. The answer carries `Retry-After`.", remedy: 'Retry after `Retry-After` seconds; if it persists, the state\'s identity provider (or the network to it) is down.' },
  METHOD_NOT_ALLOWED: { status: 405, meaning: 'The path exists but does not serve this method. `Allow` lists the methods it serves.', remedy: 'Use one of the methods in `Allow`.' },
  ALREADY_MEMBER: { status: 409, meaning: 'The state is already a member of the compact.', remedy: 'Nothing to do.' },
  ALREADY_APPLIED: { status: 409, meaning: 'The state has already applied to join the compact; its admission proposal is open.', remedy: 'Wait for the admission vote.' },
  NOT_A_MEMBER: { status: 409, meaning: 'The state is not a member of the compact.', remedy: 'Join the compact first.' },
  NOT_RATIFIED: { status: 409, meaning: 'The state has not ratified the compact, which this action requires.', remedy: 'Ratify the compact first.' },
  ALREADY_RATIFIED: { status: 409, meaning: 'The state has already ratified the compact.', remedy: 'Nothing to do.' },
  ALREADY_WITHDRAWING: { status: 409, meaning: 'The state has already given notice of withdrawal.', remedy: 'Nothing to do; it is withdrawn at `effectiveAt`.' },
  WITHDRAWAL_NOT_DUE: { status: 409, meaning: "A withdrawal cannot be finalised before its notice period ends.", remedy: 'Wait for `effectiveAt`.' },
  COMPACT_NOT_ACTIVE: { status: 409, meaning: 'The compact is not active (still a draft, or dissolved).', remedy: 'Wait until enough states have ratified it.' },
  COMPACT_DISSOLVED: { status: 409, meaning: 'The compact has been dissolved.', remedy: 'Nothing can change in a dissolved compact.' },
  PROPOSAL_CLOSED: { status: 409, meaning: 'The proposal is closed: no more votes, and it cannot be closed again.', remedy: 'Read the outcome with GET /api/v1/proposals/{id}.' },
  PROPOSAL_STILL_OPEN: { status: 409, meaning: 'The proposal cannot be closed yet: `closesAt` has not passed and not every electorate state has voted.', remedy: 'Wait for `closesAt` or for the remaining votes.' },
  NOT_IN_ELECTORATE: { status: 409, meaning: "The state is not in the proposal's electorate (frozen when the proposal opened).", remedy: 'Only electorate states vote.' },
  INSUFFICIENT_PLEDGE: { status: 409, meaning: "The offer asks for more than the pledge's unreserved remainder.", remedy: 'Offer less, or pledge more first.' },
  EXCEEDS_REQUEST: { status: 409, meaning: "Accepting the offer would take the request's accepted quantity past its quantity.", remedy: 'Decline the offer, or ask for a smaller one.' },
  RESOURCE_MISMATCH: { status: 409, meaning: "The pledge is of another resource type or unit than the request.", remedy: 'Offer from a pledge of the same resource type and unit.' },
  SELF_FULFILMENT: { status: 409, meaning: "A state cannot offer its own pledge to its own request.", remedy: "Offer from another state's pledge." },
  REQUEST_CLOSED: { status: 409, meaning: 'The request is closed (cancelled or fulfilled).', remedy: 'Make a new request.' },
  OFFER_NOT_OPEN: { status: 409, meaning: 'The offer is no longer open (accepted, declined or withdrawn).', remedy: 'Read the offer with GET /api/v1/offers/{id}.' },
  OFFER_NOT_ACCEPTED: { status: 409, meaning: 'The offer has not been accepted, which receipt and reimbursement require.', remedy: 'Accept the offer first.' },
  REIMBURSEMENT_NOT_APPROVED: { status: 409, meaning: 'The reimbursement has not been approved, so it cannot be paid.', remedy: 'Approve it first.' },
  ALREADY_SIGNED: { status: 409, meaning: 'The state has already signed on to the legal action.', remedy: 'Nothing to do.' },
  DEADLINE_PASSED: { status: 409, meaning: "The legal action's sign-on deadline has passed.", remedy: 'Ask the lead state.' },
  ACTION_FILED: { status: 409, meaning: 'The legal action has been filed; its signatories are frozen.', remedy: 'Nothing can change the signatories now.' },
  ACTION_NOT_FILED: { status: 409, meaning: 'The legal action has not been filed, which this step requires.', remedy: 'File it first.' },
  ACTION_CLOSED: { status: 409, meaning: 'The legal action is closed.', remedy: 'Nothing can change in a closed action.' },
  LEAD_CANNOT_WITHDRAW: { status: 409, meaning: 'The lead state cannot withdraw its own signature.', remedy: 'Close the action instead.' },
  NOT_A_SIGNATORY: { status: 409, meaning: 'The state is not a signatory of the legal action.', remedy: 'Sign on first.' },
  SIGN_ON_OPEN: { status: 409, meaning: 'The sign-on period of the legal action is still open.', remedy: 'Wait for the sign-on deadline.' },
  DUPLICATE: { status: 409, meaning: 'Something with that identity already exists (a state code, a username, a key or webhook name).', remedy: 'Use another identity, or read the existing one.' },
  VERSION_CONFLICT: { status: 409, meaning: 'A concurrent change moved the aggregate while this command ran (409), or `If-Match` named a version it has moved past (412).', remedy: 'Read the aggregate again and retry with its current version.' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, meaning: 'This `Idempotency-Key` was used by the same principal with another request body.', remedy: 'Use a new key for a new command.' },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: 'The body is larger than 1 MB.', remedy: 'Send a smaller body.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, meaning: 'The request has a body that is not `application/json`.', remedy: 'Send JSON with `Content-Type: application/json`.' },
  RATE_LIMITED: { status: 429, meaning: 'Too many requests: the per-principal rate limit, or too many failed logins for one username. `Retry-After` says how long to wait.', remedy: 'Wait for `Retry-After` seconds.' },
  INTERNAL: { status: 500, meaning: 'An unexpected error; it is logged with the correlation id.', remedy: 'Report the `X-Correlation-Id` of the answer to the operators.' },
  DATABASE_UNAVAILABLE: { status: 503, meaning: 'The database is unreachable, restarting, out of connections or too slow. `Retry-After` says how long to wait.', remedy: 'Retry after `Retry-After` seconds; a command retried with the same `Idempotency-Key` takes effect once.' },
  PROJECTION_LAGGING: { status: 503, meaning: 'The read models had not reached `minPosition` within the wait.', remedy: 'Retry after `Retry-After` seconds.' },
};

/** `INSUFFICIENT_PLEDGE` ↔ `insufficient-pledge`: the URI segment of a code. */
export const problemSlug = (code: string): string => code.toLowerCase().replace(/_/g, '-');
export const codeOfSlug = (slug: string): string => slug.toUpperCase().replace(/-/g, '_');

/** Where the api serves the page of a problem code; problem `type` URIs are this path (RFC 9457 allows a relative reference). */
export const problemTypeUri = (code: string): string => `/api/v1/problems/${problemSlug(code)}`;
