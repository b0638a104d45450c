import { SECRET_EVENT_FIELDS } from '@coalition/domain';
import { pickFields, redactSecrets, STORED_FIELDS, StoredEvent } from '@coalition/event-store';

/** An event as auditors read it: everything recorded, with the chain fields, credentials left out. */
export interface AuditEvent extends StoredEvent {
  /**
   * Fields of `data` withheld because they are credentials (a password hash, a key hash, a
   * webhook secret). The chain covers them, so the hash of such an event can only be
   * recomputed by `GET /audit/verify` or `npm run audit:verify`, which read the stored record.
   */
  redactedFields?: string[];
}

export function toAuditEvent(event: StoredEvent): AuditEvent {
  const redacted = Object.keys(event.data).filter((key) => (SECRET_EVENT_FIELDS as readonly string[]).includes(key));
  const { actor, commandId, correlationId, causationId } = event.metadata;
  return {
    ...pickFields(event, STORED_FIELDS),
    data: redactSecrets(event.data),
    metadata: { actor: { id: actor.id, kind: actor.kind, stateCode: actor.stateCode, roles: actor.roles }, commandId, correlationId, causationId },
    ...(redacted.length > 0 ? { redactedFields: redacted } : {}),
  };
}
