import { SYSTEM_ACTOR } from '@coalition/domain';
import { StoredEvent } from '@coalition/event-store';

/**
 * What the platform records when it acts on an event: the system actor, the triggering event
 * as the cause, and the triggering request's correlation id carried on, so the audit log links
 * an admission back to the vote (and the HTTP request) that caused it.
 */
export const causedBy = (event: Pick<StoredEvent, 'eventId' | 'metadata'>) => ({
  actor: SYSTEM_ACTOR,
  causationId: event.eventId,
  correlationId: event.metadata.correlationId,
});

/** The same for a deadline, whose payload carries the ids of the event that scheduled it. */
export interface CausalPayload {
  causationId: string;
  correlationId: string;
}

export const causedByDeadline = (payload: CausalPayload) => ({
  actor: SYSTEM_ACTOR,
  causationId: payload.causationId,
  correlationId: payload.correlationId,
});

/**
 * The string fields `keys` of a deadline's payload, with the causal ids the scheduling added. A
 * deadline stored by an older or newer version without one of them fails here, loudly, rather
 * than issuing a command with `undefined` in it; the scheduler retries it and reports it.
 */
export function payloadFields<K extends string>(payload: Record<string, unknown>, ...keys: K[]): Record<K, string> & CausalPayload {
  const fields: Record<string, string> = {};
  for (const key of [...keys, 'causationId', 'correlationId']) {
    const value = payload[key];
    if (typeof value !== 'string') throw new Error(`deadline payload without a string ${key}`);
    fields[key] = value;
  }
  return fields as Record<K, string> & CausalPayload;
}
