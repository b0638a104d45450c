import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ReadQuery } from '../../common/http/list-query.dto';

/** An optional checkpoint kept elsewhere (e.g. from coalition.audit-checkpoints.v1): both or neither. */
export class VerifyChainQuery extends ReadQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Position of a checkpoint the chain must pass through (with hash)' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,14}$/, { message: 'position must be a positive integer' })
  position?: string;

  @ApiPropertyOptional({ pattern: '^[0-9a-f]{64}$', description: 'Hash the chain must have at that position (64 lower-case hex; with position)' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'hash must be 64 lower-case hex digits' })
  hash?: string;
}
