import type { ApiKeyEvent } from '../api-key/api-key.events';
import type { CompactEvent } from '../compact/compact.events';
import type { LegalActionEvent } from '../legal-action/legal-action.events';
import type { MemberStateEvent } from '../member-state/member-state.events';
import type { ProposalEvent } from '../proposal/proposal.events';
import type { ResourcePoolEvent } from '../resource-sharing/resource-sharing.events';
import type { UserEvent } from '../identity/user.events';
import type { DomainEvent } from '../shared';
import type { WebhookEvent } from '../webhook/webhook.events';

/**
 * Who may read a stream type's events, outside the audit API (which is for auditors and admins):
 * - `all-principals`: every authenticated principal, any API key included;
 * - `legal`: counsel, and API keys with `legal:read`;
 * - `own-state`: coordinators, and API keys with `read`, of the state the event concerns;
 * - `compact-members`: any principal of a member state of the compact the event's data names
 *   (`compactId`), withdrawn members included, applicants not; API keys with `read` or
 *   `resources:write` (not `legal:read` alone), as for the compact's resources;
 * - `owner`: the user the event's data names as `ownerId` (a webhook's URL and settings are
 *   its owner's business, as `GET /webhooks` is);
 * - `administrators`: nobody beyond admins and auditors, who read everything.
 */
export type EventAudience = 'all-principals' | 'legal' | 'own-state' | 'compact-members' | 'owner' | 'administrators';

export interface EventCatalogEntry {
  readonly streamType: string;
  readonly audience: EventAudience;
  readonly eventTypes: readonly string[];
}

/** Lists every event type of a union: the Record type makes a missing or unknown name a compile error. */
const namesOf = <E extends DomainEvent>(types: Record<E['type'], true>): E['type'][] => Object.keys(types) as E['type'][];

/**
 * Every event type Coalition records, by stream type: the single list the AsyncAPI document,
 * webhook subscriptions and event visibility are checked against. An aggregate adds its line here.
 */
export const EVENT_CATALOG: readonly EventCatalogEntry[] = [
  { streamType: 'member-state', audience: 'all-principals', eventTypes: namesOf<MemberStateEvent>({ StateRegistered: true, PopulationChanged: true }) },
  { streamType: 'user', audience: 'administrators', eventTypes: namesOf<UserEvent>({ UserRegistered: true, UserDeactivated: true, PasswordChanged: true, PasswordReset: true }) },
  { streamType: 'api-key', audience: 'own-state', eventTypes: namesOf<ApiKeyEvent>({ ApiKeyIssued: true, ApiKeyRevoked: true }) },
  {
    streamType: 'legal-action',
    audience: 'legal',
    eventTypes: namesOf<LegalActionEvent>({
      LegalActionOpened: true, LegalActionSigned: true, SignatureWithdrawn: true, LegalActionFiled: true,
      DevelopmentRecorded: true, LegalActionClosed: true, SignOnClosed: true,
    }),
  },
  {
    streamType: 'compact',
    audience: 'all-principals',
    eventTypes: namesOf<CompactEvent>({
      CompactDrafted: true, CompactRatified: true, CompactActivated: true, MembershipApplied: true, MemberAdmitted: true,
      ApplicationRejected: true, WithdrawalNoticeGiven: true, MemberWithdrawn: true, CompactAmended: true, CompactDissolved: true,
    }),
  },
  { streamType: 'proposal', audience: 'all-principals', eventTypes: namesOf<ProposalEvent>({ ProposalOpened: true, VoteCast: true, ProposalClosed: true }) },
  {
    streamType: 'webhook',
    audience: 'owner',
    eventTypes: namesOf<WebhookEvent>({ WebhookRegistered: true, WebhookDisabled: true, WebhookEnabled: true, WebhookDeleted: true, WebhookSecretRotated: true }),
  },
  {
    streamType: 'resource-pool',
    audience: 'compact-members',
    eventTypes: namesOf<ResourcePoolEvent>({
      PledgeMade: true, PledgeWithdrawn: true, RequestMade: true, RequestCancelled: true, OfferMade: true, OfferAccepted: true,
      OfferDeclined: true, OfferWithdrawn: true, OfferReceived: true, ReimbursementClaimed: true, ReimbursementApproved: true, ReimbursementPaid: true,
    }),
  },
];

export const catalogEntryOf = (streamType: string): EventCatalogEntry | undefined =>
  EVENT_CATALOG.find((entry) => entry.streamType === streamType);

/** `VoteCast` -> `vote-cast` */
export const kebabEventName = (type: string): string =>
  type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();

/** The CloudEvent `type` of an event: `coalition.<streamType>.<event-name>.v<schemaVersion>`. */
export const cloudEventType = (streamType: string, type: string, schemaVersion: number): string =>
  `coalition.${streamType}.${kebabEventName(type)}.v${schemaVersion}`;

const CLOUD_EVENT_TYPE = /^coalition\.([a-z0-9-]+)\.([a-z0-9-]+)\.v([1-9][0-9]*)$/;

/** Whether `name` is an event type name (`VoteCast`) or CloudEvent type (`coalition.proposal.vote-cast.v1`) Coalition records. */
export function isKnownEventType(name: string): boolean {
  const cloud = CLOUD_EVENT_TYPE.exec(name);
  if (cloud) return catalogEntryOf(cloud[1])?.eventTypes.some((type) => kebabEventName(type) === cloud[2]) ?? false;
  return EVENT_CATALOG.some((entry) => entry.eventTypes.includes(name));
}
