import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LegalActionsRepository, LegalActionView } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';
import { LEGAL_READERS } from '../legal-access';
import { LegalActionResponse } from '../legal-action.response.dto';
import { ResourceIdPipe } from '../../common/http/resource-id.pipe';

@ApiTags('legal actions')
@Controller('legal-actions')
export class GetLegalActionController {
  constructor(private readonly legalActions: LegalActionsRepository) {}

  @Get(':id')
  @ApiOperation({ summary: 'Get a legal action' })
  @Access(LEGAL_READERS)
  @ApiOkResponse({ type: LegalActionResponse })
  async get(@Param('id', ResourceIdPipe) id: string, @Query() _query: ReadQuery): Promise<LegalActionView> {
    const found = await this.legalActions.get(id);
    if (!found) throw new NotFoundException(`Legal action ${id} does not exist`);
    return found;
  }
}
