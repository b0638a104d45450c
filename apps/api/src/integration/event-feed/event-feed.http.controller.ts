import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@coalition/event-store';
import { FeedPage, readFeed } from '@coalition/read-side';
import { PageQuery, pageOf } from '../../audit/audit-events.query.dto';
import { Access } from '../../common/auth/access.decorator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { FeedPageResponse } from '../integration.response.dto';

@ApiTags('integration')
@Controller('events')
export class EventFeedController {
  constructor(private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ operationId: 'readEventFeed', summary: 'Read the event feed', description: 'CloudEvents after a position, only those the caller may read.' })
  @Access({ scopes: ['read', 'resources:write', 'legal:read'] })
  @ApiOkResponse({
    type: FeedPageResponse,
    description:
      'The pull feed: only the events the caller may read, in position order. Keep passing nextAfter as after; it moves past events the caller may not read, and an empty page with nextAfter equal to after means you are at the head.',
  })
  read(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<FeedPage> {
    const { after, limit } = pageOf(query);
    return readFeed(this.store, principal, after, limit);
  }
}
