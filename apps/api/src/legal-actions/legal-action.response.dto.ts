import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEVELOPMENT_KINDS, LEGAL_ACTION_KINDS, LEGAL_OUTCOMES } from '@coalition/domain';
import { LegalActionView, LegalDevelopmentView, LegalFilingView } from '@coalition/infra';

/** OpenAPI description of the read model; the repository's view is what is actually sent. */
export class SignatoryResponse {
  @ApiProperty({ example: 'CA' }) stateCode!: string;
  @ApiProperty() signedAt!: string;
  @ApiProperty({ description: 'Id of the counsel who signed' }) signedBy!: string;
}

export class FilingResponse implements LegalFilingView {
  @ApiProperty({ example: '2026-03-02' }) filedOn!: string;
  @ApiProperty() docketNumber!: string;
  @ApiProperty() documentSha256!: string;
  @ApiPropertyOptional() documentUri?: string;
  @ApiProperty() filedAt!: string;
  @ApiProperty() filedBy!: string;
}

export class DevelopmentResponse implements LegalDevelopmentView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DEVELOPMENT_KINDS }) kind!: LegalDevelopmentView['kind'];
  @ApiProperty({ example: '2026-04-10' }) occurredOn!: string;
  @ApiProperty() summary!: string;
  @ApiPropertyOptional() documentSha256?: string;
  @ApiProperty({ description: 'The signatory state whose counsel recorded it' }) stateCode!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty() recordedBy!: string;
}

export class LegalActionResponse implements LegalActionView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: LEGAL_ACTION_KINDS }) kind!: LegalActionView['kind'];
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() forum!: string;
  @ApiProperty({ example: 'CA' }) leadState!: string;
  @ApiProperty({ enum: ['open', 'filed', 'closed'] }) status!: LegalActionView['status'];
  @ApiProperty() signOnDeadline!: string;
  @ApiPropertyOptional() compactId?: string;
  @ApiProperty({ type: [SignatoryResponse], description: 'Current signatories; withdrawn signatures stay in the audit log only' })
  signatories!: SignatoryResponse[];
  @ApiPropertyOptional({ type: [SignatoryResponse], description: 'The signatories as they stood at signOnDeadline; present once the worker has locked the list (within seconds of the deadline)' })
  signatoriesAtDeadline?: SignatoryResponse[];
  @ApiPropertyOptional({ type: FilingResponse }) filing?: FilingResponse;
  @ApiProperty({ type: [DevelopmentResponse] }) developments!: DevelopmentResponse[];
  @ApiPropertyOptional({ enum: LEGAL_OUTCOMES }) outcome?: LegalActionView['outcome'];
  @ApiPropertyOptional() outcomeSummary?: string;
  @ApiPropertyOptional() closedAt?: string;
  @ApiProperty() openedAt!: string;
  @ApiProperty() openedBy!: string;
  @ApiProperty({ description: 'Stream version, for If-Match' }) version!: number;
}
