import { mayReadLegalActions } from '../legal-action/legal-action.access';
import { RESOURCE_READER_SCOPES } from '../resource-sharing/resource-sharing.access';
import { Actor } from '../shared';
import { catalogEntryOf, EventAudience } from './event-catalog';

/** Audiences the API contract names outright: they hold whatever a catalog line says. */
export const CONTRACT_AUDIENCES: Readonly<Record<string, EventAudience>> = {
  'legal-action': 'legal',
  user: 'administrators',
  'api-key': 'own-state',
};

/** Who may read a stream type's events; a stream type nobody catalogued is for administrators only. */
export const audienceOf = (streamType: string): EventAudience =>
  CONTRACT_AUDIENCES[streamType] ?? catalogEntryOf(streamType)?.audience ?? 'administrators';

/** The facts visibility depends on: who reads, and which stream and state an event belongs to. */
/** `id` is needed only for events addressed to one owner (`owner` audience); without it the reader owns nothing. */
export type EventReader = Pick<Actor, 'kind' | 'roles' | 'stateCode' | 'scopes'> & { readonly id?: string };

export interface ReadableEvent {
  readonly streamType: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** The state the event's actor acted for. */
  readonly actorStateCode: string | null;
}

/** The state an event concerns: the one its data names, else the one its actor acted for. */
export const stateOfEvent = (event: ReadableEvent): string | null =>
  typeof event.data.stateCode === 'string' ? event.data.stateCode : event.actorStateCode;

/**
 * What visibility needs to know about the reader from other aggregates, gathered by the caller
 * (once per page of events, not per event) so the rule itself stays pure.
 */
export interface ReaderFacts {
  /** The compacts whose membership lets the reader's state read their resources (see `membershipReadsResources`). */
  readonly memberOfCompacts: ReadonlySet<string>;
}

/** No facts: a reader who belongs to no compact. */
export const NO_READER_FACTS: ReaderFacts = { memberOfCompacts: new Set() };

const seesEverything = (reader: EventReader): boolean =>
  reader.kind !== 'api-key' && (reader.roles.includes('admin') || reader.roles.includes('auditor'));

/** The compact an event's data names. */
export const compactOfEvent = (event: Pick<ReadableEvent, 'data'>): string | undefined =>
  typeof event.data.compactId === 'string' ? event.data.compactId : undefined;

/**
 * The compact whose membership decides whether `reader` sees `event`, or undefined when none
 * does: the compacts a caller must look up to fill `ReaderFacts.memberOfCompacts`.
 */
export function compactToCheck(reader: EventReader, event: ReadableEvent): string | undefined {
  if (audienceOf(event.streamType) !== 'compact-members' || reader.stateCode === null || seesEverything(reader)) return undefined;
  return compactOfEvent(event);
}

/**
 * Whether `reader` may see `event` outside the audit API (the `/events` feed, webhooks).
 * Admins and auditors read everything; otherwise the stream type's audience in the event
 * catalog decides, and a stream type missing from the catalog is shown to nobody else.
 * An API key has the read rights its scopes give: `read` what a coordinator of its state may
 * read, `legal:read` legal actions, `read` or `resources:write` the resources of its state's
 * compacts; every key reads what every principal may. Compact membership comes from `facts`;
 * without them a reader belongs to no compact.
 */
export function mayReadEvent(reader: EventReader, event: ReadableEvent, facts: ReaderFacts = NO_READER_FACTS): boolean {
  if (seesEverything(reader)) return true;
  const audience = audienceOf(event.streamType);
  const scopes = reader.scopes ?? [];
  switch (audience) {
    case 'all-principals':
      return true;
    case 'legal':
      return mayReadLegalActions(reader);
    case 'own-state': {
      const actsAsCoordinator = reader.kind === 'api-key' ? scopes.includes('read') : reader.roles.includes('coordinator');
      return actsAsCoordinator && reader.stateCode !== null && reader.stateCode === stateOfEvent(event);
    }
    case 'compact-members': {
      if (reader.kind === 'api-key' && !scopes.some((scope) => RESOURCE_READER_SCOPES.includes(scope))) return false;
      const compactId = compactOfEvent(event);
      return reader.stateCode !== null && compactId !== undefined && facts.memberOfCompacts.has(compactId);
    }
    case 'owner':
      return reader.kind === 'user' && reader.id !== undefined && event.data.ownerId === reader.id;
    case 'administrators':
      return false;
  }
}
