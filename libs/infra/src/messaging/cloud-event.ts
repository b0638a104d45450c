import { SECRET_EVENT_FIELDS } from '@coalition/domain';
import { StoredEvent } from '../event-store/stored-event';

export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: Record<string, unknown>;
  position: number;
  streamversion: number;
  correlationid: string;
  actorstate: string | null;
  /** Addition to the contract: who acted, so a consumer can attribute without the audit API. */
  actorid: string;
}

/** `VoteCast` -> `vote-cast` */
export const kebabEventName = (type: string): string =>
  type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();

export const cloudEventType = (streamType: string, type: string, schemaVersion: number): string =>
  `coalition.${streamType}.${kebabEventName(type)}.v${schemaVersion}`;

/** Credentials stay in the event store: every outward copy of an event drops them. */
export function redactSecrets(data: Record<string, unknown>): Record<string, unknown> {
  const secret = SECRET_EVENT_FIELDS as readonly string[];
  if (!Object.keys(data).some((key) => secret.includes(key))) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !secret.includes(key)));
}

export function toCloudEvent(event: StoredEvent): CloudEvent {
  return {
    specversion: '1.0',
    id: event.eventId,
    source: `urn:coalition:${event.streamType}:${event.streamId}`,
    type: cloudEventType(event.streamType, event.type, event.schemaVersion),
    subject: event.streamId,
    time: event.recordedAt,
    datacontenttype: 'application/json',
    data: redactSecrets(event.data),
    position: event.position,
    streamversion: event.version,
    correlationid: event.metadata.correlationId,
    actorstate: event.metadata.actor.stateCode,
    actorid: event.metadata.actor.id,
  };
}
