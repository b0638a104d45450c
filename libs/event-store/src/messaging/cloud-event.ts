import { cloudEventType, SECRET_EVENT_FIELDS } from '@coalition/domain';
import { StoredEvent } from '../store/stored-event';

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

// One naming rule for CloudEvent types, kept in the domain's event catalog.
export { cloudEventType, kebabEventName } from '@coalition/domain';

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
