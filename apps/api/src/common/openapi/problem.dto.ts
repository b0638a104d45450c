import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Problem } from '../http/problem';

@ApiSchema({ name: 'FieldError' })
export class FieldErrorDto {
  @ApiProperty({ example: 'population', description: 'The field at fault, as a dotted path into the body or query' }) field!: string;
  @ApiProperty({ example: 'population must be a positive integer' }) message!: string;
}

/** The one schema every error answer refers to (RFC 9457); each answer narrows `code` to what that route can give. */
@ApiSchema({ name: 'Problem', description: 'An RFC 9457 problem: every error answers one, as application/problem+json' })
export class ProblemDto implements Problem {
  @ApiProperty({ format: 'uri-reference', description: 'A page describing the problem code (RFC 9457: it may be relative to the api)' }) type!: string;
  @ApiProperty({ example: 'Conflict', description: 'The HTTP status in words' }) title!: string;
  @ApiProperty({ type: 'integer', example: 409 }) status!: number;
  @ApiProperty({ example: 'The offer asks for 12 but the pledge has 10 unreserved' }) detail!: string;
  @ApiProperty({ pattern: '^[A-Z][A-Z0-9_]*$', example: 'INSUFFICIENT_PLEDGE', description: 'Stable upper-snake code; each answer lists the codes its route can give' })
  code!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'With VALIDATION_FAILED: each field at fault' }) errors?: FieldErrorDto[];
}
