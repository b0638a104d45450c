import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsistencyProof, TransparencyLog } from '@coalition/event-store';
import { Access } from '../../common/auth/access.decorator';
import { validationProblem } from '../../common/http/problem';
import { defaultTreeSize, proving } from '../tree-size';
import { ConsistencyProofQuery, ConsistencyProofResponse } from '../transparency.dto';

@ApiTags('audit')
@Controller('audit/proofs/consistency')
export class ProveConsistencyController {
  constructor(private readonly log: TransparencyLog) {}

  @Get()
  @ApiOperation({ summary: 'Prove the log only grew between two sizes' })
  @Access({ scopes: ['read', 'resources:write', 'legal:read'] })
  @ApiOkResponse({
    type: ConsistencyProofResponse,
    description: "RFC 9162 consistency proof that the tree of `from` leaves is a prefix of the tree of `to` (default: the latest checkpoint's size)",
  })
  async prove(@Query() query: ConsistencyProofQuery): Promise<ConsistencyProof> {
    const from = Number(query.from);
    const to = query.to ? Number(query.to) : await defaultTreeSize(this.log);
    if (from > to) throw validationProblem(`from (${from}) is above to (${to})`, [{ field: 'from', message: `must be at most ${to}` }]);
    return proving('to', () => this.log.consistency(from, to));
  }
}
