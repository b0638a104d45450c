import { SECRET_EVENT_FIELDS } from '@coalition/domain';
import { EventMetadata, StoredEvent } from '../event-store/stored-event';
import { redactSecrets } from '../messaging/cloud-event';

/** An event as auditors read it: everything recorded, with the chain fields, credentials left out. */
export interface AuditEvent {
  position: number;
  eventId: string;
  streamId: string;
  streamType: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recordedAt: string;
  prevHash: string;
  hash: string;
  /**
   * Fields of `data` withheld because they are credentials (a password hash, a key hash, a
   * webhook secret). The chain covers them, so the hash of such an event can only be
   * recomputed by `GET /audit/verify` or `npm run audit:verify`, which read the stored record.
   */
  redactedFields?: string[];
}

export function toAuditEvent(event: StoredEvent): AuditEvent {
  const redacted = Object.keys(event.data).filter((key) => (SECRET_EVENT_FIELDS as readonly string[]).includes(key));
  return {
    position: event.position,
    eventId: event.eventId,
    streamId: event.streamId,
    streamType: event.streamType,
    version: event.version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: redactSecrets(event.data),
    metadata: {
      actor: { id: event.metadata.actor.id, kind: event.metadata.actor.kind, stateCode: event.metadata.actor.stateCode, roles: event.metadata.actor.roles },
      commandId: event.metadata.commandId,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
    },
    recordedAt: event.recordedAt,
    prevHash: event.prevHash,
    hash: event.hash,
    ...(redacted.length > 0 ? { redactedFields: redacted } : {}),
  };
}
