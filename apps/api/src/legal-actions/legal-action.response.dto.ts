import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { DEVELOPMENT_KINDS, LEGAL_ACTION_KINDS, LEGAL_OUTCOMES } from '@coalition/domain';
import { LegalActionView, LegalDevelopmentView, LegalFilingView } from '@coalition/read-side';

/** OpenAPI description of the read model; the repository's view is what is actually sent. */
@ApiSchema({ name: 'Signatory' })
export class SignatoryResponse {
  @ApiProperty({ example: 'CA' }) stateCode!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ description: 'Id of the counsel who signed' }) signedBy!: string;
}

@ApiSchema({ name: 'Filing' })
export class FilingResponse implements LegalFilingView {
  @ApiProperty({ format: 'date', example: '2026-03-02' }) filedOn!: string;
  @ApiProperty() docketNumber!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) documentSha256!: string;
  @ApiPropertyOptional() documentUri?: string;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
  @ApiProperty() filedBy!: string;
}

@ApiSchema({ name: 'Development' })
export class DevelopmentResponse implements LegalDevelopmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DEVELOPMENT_KINDS }) kind!: LegalDevelopmentView['kind'];
  @ApiProperty({ format: 'date', example: '2026-04-10' }) occurredOn!: string;
  @ApiProperty() summary!: string;
  @ApiPropertyOptional({ pattern: '^[0-9a-f]{64}$' }) documentSha256?: string;
  @ApiProperty({ description: 'The signatory state whose counsel recorded it' }) stateCode!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() recordedBy!: string;
}

@ApiSchema({ name: 'LegalAction' })
export class LegalActionResponse implements LegalActionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LEGAL_ACTION_KINDS }) kind!: LegalActionView['kind'];
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() forum!: string;
  @ApiProperty({ example: 'CA' }) leadState!: string;
  @ApiProperty({ enum: ['open', 'filed', 'closed'] }) status!: LegalActionView['status'];
  @ApiProperty({ format: 'date-time' }) signOnDeadline!: string;
  @ApiPropertyOptional({ format: 'uuid' }) compactId?: string;
  @ApiProperty({ type: [SignatoryResponse], description: 'Current signatories; withdrawn signatures stay in the audit log only' })
  signatories!: SignatoryResponse[];
  @ApiPropertyOptional({ type: [SignatoryResponse], description: 'The signatories as they stood at signOnDeadline; present once the worker has locked the list (within seconds of the deadline)' })
  signatoriesAtDeadline?: SignatoryResponse[];
  @ApiPropertyOptional({ type: FilingResponse }) filing?: FilingResponse;
  @ApiProperty({ type: [DevelopmentResponse] }) developments!: DevelopmentResponse[];
  @ApiPropertyOptional({ enum: LEGAL_OUTCOMES }) outcome?: LegalActionView['outcome'];
  @ApiPropertyOptional() outcomeSummary?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty() openedBy!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Stream version, for If-Match' }) version!: number;
  @ApiProperty({ description: 'Its stream in the audit log (GET /audit/streams/{streamId})' }) streamId!: string;
}
