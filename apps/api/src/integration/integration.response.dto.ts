import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CloudEvent } from '@coalition/event-store';
import { FeedPage, WebhookDeliveryView, WebhookView } from '@coalition/read-side';

@ApiSchema({ name: 'CloudEvent', description: 'A CloudEvents 1.0 envelope: the same on Kafka, in the feed and in webhook bodies' })
export class CloudEventResponse implements CloudEvent {
  @ApiProperty({ enum: ['1.0'] }) specversion!: '1.0';
  @ApiProperty({ format: 'uuid', description: 'The event id' }) id!: string;
  @ApiProperty({ example: 'urn:coalition:compact:compact-3f0c8f8e-5d0b-4b8e-9a55-0c1d2e3f4a5b' }) source!: string;
  @ApiProperty({ example: 'coalition.compact.compact-ratified.v1' }) type!: string;
  @ApiProperty({ description: 'The stream id' }) subject!: string;
  @ApiProperty({ format: 'date-time' }) time!: string;
  @ApiProperty({ enum: ['application/json'] }) datacontenttype!: 'application/json';
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event (credentials dropped); its JSON Schema per type is in /asyncapi.yaml' }) data!: Record<string, unknown>;
  @ApiProperty({ type: 'integer', minimum: 1 }) position!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) streamversion!: number;
  @ApiProperty() correlationid!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'WA' }) actorstate!: string | null;
  @ApiProperty({ description: 'Who acted: a user or API key id, or "system"' }) actorid!: string;
}

@ApiSchema({ name: 'FeedPage' })
export class FeedPageResponse implements FeedPage {
  @ApiProperty({ type: [CloudEventResponse], description: 'Only the events the caller may read, in position order' }) events!: CloudEventResponse[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Pass as `after` next; an empty page with nextAfter equal to after means the head' }) nextAfter!: number;
}

@ApiSchema({ name: 'WebhookDeliveryState' })
export class WebhookDeliveryStateResponse {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Last position delivered or skipped' }) position!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Failed attempts at the event after it' }) failedAttempts!: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) nextAttemptAt!: string | null;
}

@ApiSchema({ name: 'Webhook', description: 'A webhook as its owner and admins see it: never the secret' })
export class WebhookResponse implements WebhookView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uri' }) url!: string;
  @ApiProperty({ type: [String], example: ['*'] }) eventTypes!: string[];
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: 'active' | 'disabled';
  @ApiProperty({ type: 'string', nullable: true, description: 'Why deliveries stopped, when disabled' }) disabledReason!: string | null;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'WA' }) stateCode!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Its stream in the audit log (GET /audit/streams/{streamId})' }) streamId!: string;
  @ApiProperty({ type: WebhookDeliveryStateResponse }) delivery!: WebhookDeliveryStateResponse;
}

@ApiSchema({ name: 'WebhookDelivery' })
export class WebhookDeliveryResponse implements WebhookDeliveryView {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) position!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) attempt!: number;
  @ApiProperty({ enum: ['delivered', 'failed'] }) status!: 'delivered' | 'failed';
  @ApiProperty({ type: 'integer', nullable: true, description: "The receiver's HTTP status; null when it never answered" }) responseStatus!: number | null;
  @ApiProperty({ type: 'string', nullable: true }) error!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) durationMs!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
