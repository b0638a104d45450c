import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WebhookDeliveryView, WebhooksRepository } from '@coalition/read-side';
import { LimitQuery } from '../../audit/audit-events.query.dto';
import { Access } from '../../common/auth/access.decorator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { webhookVisibleTo } from '../webhook-access';
import { WebhookDeliveryResponse } from '../integration.response.dto';
import { ResourceIdPipe } from '../../common/http/resource-id.pipe';

@ApiTags('integration')
@Controller('webhooks')
export class ListWebhookDeliveriesController {
  constructor(private readonly webhooks: WebhooksRepository) {}

  @Get(':id/deliveries')
  @ApiOperation({ summary: "List a webhook's deliveries" })
  @Access({ roles: ['admin', 'coordinator'] })
  @ApiOkResponse({ type: [WebhookDeliveryResponse], description: 'Every delivery attempt, newest first: [{eventId, position, attempt, status: delivered|failed, responseStatus, error, durationMs, at}]' })
  async list(@Param('id', ResourceIdPipe) id: string, @Query() query: LimitQuery, @CurrentPrincipal() principal: Principal): Promise<WebhookDeliveryView[]> {
    await webhookVisibleTo(this.webhooks, id, principal);
    return this.webhooks.deliveries(id, Number(query.limit ?? 100));
  }
}
