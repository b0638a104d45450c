/** Logical topic names; `KAFKA_TOPIC_PREFIX` is prepended verbatim when talking to Kafka. */
export const TOPICS = {
  events: 'coalition.events.v1',
  legal: 'coalition.legal.v1',
  auditCheckpoints: 'coalition.audit-checkpoints.v1',
  dlq: 'coalition.worker.dlq',
} as const;

export type LogicalTopic = (typeof TOPICS)[keyof typeof TOPICS];
export type EventTopic = typeof TOPICS.events | typeof TOPICS.legal;

/** Legal-action events are privileged: a topic of their own lets a deployment restrict it with ACLs. */
export const topicForStreamType = (streamType: string): EventTopic =>
  streamType === 'legal-action' ? TOPICS.legal : TOPICS.events;

export const physicalTopic = (prefix: string, topic: LogicalTopic): string => `${prefix}${topic}`;
