import { ApiProperty } from '@nestjs/swagger';
import { LEGAL_OUTCOMES, LegalOutcome } from '@coalition/domain';
import { IsIn } from 'class-validator';
import { Text } from '../legal-validation';

export class CloseLegalActionRequest {
  @ApiProperty({ enum: LEGAL_OUTCOMES, description: 'An action never filed can only close as `withdrawn`' }) @IsIn(LEGAL_OUTCOMES) outcome!: LegalOutcome;
  @ApiProperty({ maxLength: 10_000 }) @Text(10_000) summary!: string;
}
