import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Database } from '@coalition/platform';
import { ChainVerification, verifyChain } from '@coalition/event-store';
import { Access } from '../../common/auth/access.decorator';
import { validationProblem } from '../../common/http/problem';
import { ChainBrokenResponse, ChainIntactResponse } from '../audit.response.dto';
import { VerifyChainQuery } from './verify-chain.query.dto';

@ApiTags('audit')
@ApiExtraModels(ChainIntactResponse, ChainBrokenResponse)
@Controller('audit/verify')
export class VerifyChainController {
  constructor(private readonly db: Database) {}

  @Get()
  @ApiOperation({ summary: 'Verify the hash chain' })
  @Access({ roles: ['auditor', 'admin'] })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(ChainIntactResponse) }, { $ref: getSchemaPath(ChainBrokenResponse) }] },
    description:
      'Recomputes the whole hash chain in constant memory: {ok: true, checkedEvents, headPosition, headHash} or {ok: false, firstInvalidPosition, reason}. With ?position=&hash=, also checks the chain passes through that checkpoint.',
  })
  verify(@Query() query: VerifyChainQuery): Promise<ChainVerification> {
    if ((query.position === undefined) !== (query.hash === undefined)) {
      throw validationProblem('position and hash go together', [{ field: query.position === undefined ? 'position' : 'hash', message: 'is required with the other' }]);
    }
    const checkpoint = query.position && query.hash ? { position: Number(query.position), hash: query.hash } : undefined;
    return verifyChain(this.db, { checkpoint });
  }
}
