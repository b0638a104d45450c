import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LegalActionsRepository, LegalActionView } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';
import { LEGAL_READERS } from '../legal-access';
import { LegalActionResponse } from '../legal-action.response.dto';

@ApiTags('legal actions')
@Controller('legal-actions')
export class ListLegalActionsController {
  constructor(private readonly legalActions: LegalActionsRepository) {}

  @Get()
  @ApiOperation({ summary: 'List legal actions' })
  @Access(LEGAL_READERS)
  @ApiOkResponse({ type: [LegalActionResponse], description: 'Every legal action, newest first; counsel, auditor, admin and legal:read keys only' })
  list(@Query() _query: ReadQuery): Promise<LegalActionView[]> {
    return this.legalActions.list();
  }
}
