import { cloudEventType } from '../event-catalog/event-catalog';

/** Whether a webhook subscribed to `eventTypes` wants this event (by name, by CloudEvent type, or `*`). */
export function webhookWants(
  eventTypes: readonly string[],
  event: { readonly streamType: string; readonly type: string; readonly schemaVersion: number },
): boolean {
  return (
    eventTypes.includes('*') ||
    eventTypes.includes(event.type) ||
    eventTypes.includes(cloudEventType(event.streamType, event.type, event.schemaVersion))
  );
}
