import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ActorKind, Role, ROLES } from '@coalition/domain';
import { EventMetadata } from '@coalition/event-store';
import { AuditCheckpoint, AuditEvent } from '@coalition/read-side';

@ApiSchema({ name: 'EventActor', description: 'Who caused an event' })
export class EventActorResponse {
  @ApiProperty({ description: 'User or API key id, or "system"' }) id!: string;
  @ApiProperty({ enum: ['user', 'api-key', 'system'] }) kind!: ActorKind;
  @ApiProperty({ type: 'string', nullable: true, example: 'WA' }) stateCode!: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
}

@ApiSchema({ name: 'EventMetadata' })
export class EventMetadataResponse implements EventMetadata {
  @ApiProperty({ type: EventActorResponse }) actor!: EventActorResponse;
  @ApiProperty() commandId!: string;
  @ApiProperty({ description: 'The X-Correlation-Id of the request that caused it' }) correlationId!: string;
  @ApiProperty() causationId!: string;
}

@ApiSchema({ name: 'AuditEvent', description: 'One event of the log, with its place in the hash chain' })
export class AuditEventResponse implements AuditEvent {
  @ApiProperty({ type: 'integer', minimum: 1 }) position!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'compact-3f0c8f8e-5d0b-4b8e-9a55-0c1d2e3f4a5b' }) streamId!: string;
  @ApiProperty({ example: 'compact' }) streamType!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ example: 'CompactRatified' }) type!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) schemaVersion!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event itself (its JSON Schema per type is in /asyncapi.yaml)' }) data!: Record<string, unknown>;
  @ApiProperty({ type: EventMetadataResponse }) metadata!: EventMetadataResponse;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) prevHash!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'sha256(prevHash || RFC 8785 canonical JSON of the event)' }) hash!: string;
  @ApiPropertyOptional({ type: [String], description: 'Fields of data withheld because they are credentials; only /audit/verify can recompute this hash' }) redactedFields?: string[];
}

@ApiSchema({ name: 'AuditPage' })
export class AuditPageResponse {
  @ApiProperty({ type: [AuditEventResponse] }) events!: AuditEventResponse[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Pass as `after` for the next page: the last position returned, or `after` itself when the page is empty' }) nextAfter!: number;
}

@ApiSchema({ name: 'AuditStreamPage' })
export class AuditStreamPageResponse extends AuditPageResponse {
  @ApiProperty({ example: 'compact-3f0c2a6e-5b1d-4c8e-9a7f-2d6b8e1c0a94', description: 'The stream the id named' }) streamId!: string;
}

@ApiSchema({ name: 'ChainIntact' })
export class ChainIntactResponse {
  @ApiProperty({ enum: [true] }) ok!: true;
  @ApiProperty({ type: 'integer', minimum: 0 }) checkedEvents!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) headPosition!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) headHash!: string;
}

@ApiSchema({ name: 'ChainBroken' })
export class ChainBrokenResponse {
  @ApiProperty({ enum: [false] }) ok!: false;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The first position whose stored fields, link or hash do not match' }) firstInvalidPosition!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) checkedEvents!: number;
}

@ApiSchema({ name: 'AuditCheckpoint', description: 'A chain head the worker verified and published to coalition.audit-checkpoints.v1' })
export class AuditCheckpointResponse implements AuditCheckpoint {
  @ApiProperty({ type: 'integer', minimum: 1 }) position!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) hash!: string;
  @ApiProperty({ format: 'date-time', description: 'When the head event was recorded' }) time!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}
