import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WebhooksRepository, WebhookView } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { ReadQuery } from '../../common/http/list-query.dto';
import { webhookVisibleTo } from '../webhook-access';
import { WebhookResponse } from '../integration.response.dto';
import { ResourceIdPipe } from '../../common/http/resource-id.pipe';

@ApiTags('integration')
@Controller('webhooks')
export class ListWebhooksController {
  constructor(private readonly webhooks: WebhooksRepository) {}

  @Get()
  @ApiOperation({ summary: 'List webhooks' })
  @Access({ roles: ['admin', 'coordinator'] })
  @ApiOkResponse({ type: [WebhookResponse], description: "The caller's webhooks (an admin sees all), oldest first; never the secret" })
  list(@Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<WebhookView[]> {
    return this.webhooks.list(principal.roles.includes('admin') ? undefined : principal.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a webhook', operationId: 'getWebhook' })
  @Access({ roles: ['admin', 'coordinator'] })
  @ApiOkResponse({ type: WebhookResponse, description: 'One webhook, for its owner or an admin' })
  get(@Param('id', ResourceIdPipe) id: string, @Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<WebhookView> {
    return webhookVisibleTo(this.webhooks, id, principal);
  }
}
