import { ApiPropertyOptional } from '@nestjs/swagger';
import { STATE_CODE_PATTERN } from '@coalition/domain';
import { EventFilter } from '@coalition/event-store';
import { IsISO8601, IsNumberString, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ReadQuery } from '../common/http/list-query.dto';

/** Printable text only: a NUL or another control character matches nothing and PostgreSQL refuses it. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;
const printable = (field: string) => Matches(PRINTABLE, { message: `${field} must not contain control characters` });

export class LimitQuery extends ReadQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'At most this many items' })
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  @Matches(/^(?:[1-9]\d{0,2}|1000)$/, { message: 'limit must be an integer from 1 to 1000' })
  limit?: string;
}

/** Keyset paging over the global order: `after` a position, at most `limit` events. */
export class PageQuery extends LimitQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0, description: 'Return events after this global position (0: from the start); pass the last page\'s nextAfter' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'after must be a non-negative integer' })
  after?: string;
}

/** The filters of GET /audit/events and GET /audit/export. */
export class AuditFilterQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only this aggregate (stream id, e.g. member-state-WA)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @printable('streamId')
  streamId?: string;

  @ApiPropertyOptional({ description: 'Only this event type (e.g. VoteCast)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @printable('type')
  type?: string;

  @ApiPropertyOptional({ description: "Only events whose actor acted for this state (the principal's state; admin and system actions have none)", example: 'WA' })
  @IsOptional()
  @Matches(STATE_CODE_PATTERN, { message: 'stateCode must be two upper-case letters' })
  stateCode?: string;

  @ApiPropertyOptional({ description: 'Only events caused by this principal (user or API key id, or "system")' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @printable('actorId')
  actorId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Recorded at or after this time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Recorded at or before this time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export const pageOf = (query: PageQuery) => ({ after: Number(query.after ?? 0), limit: Number(query.limit ?? 100) });

export const filterOf = (query: AuditFilterQuery): EventFilter => ({
  streamId: query.streamId,
  type: query.type,
  stateCode: query.stateCode,
  actorId: query.actorId,
  from: query.from ? new Date(query.from) : undefined,
  to: query.to ? new Date(query.to) : undefined,
});
