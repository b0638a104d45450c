import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { TransparencyLog } from '@coalition/event-store';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';
import { problem, ProblemException } from '../../common/http/problem';

@ApiTags('audit')
@Controller('audit/checkpoint')
export class ReadCheckpointController {
  constructor(private readonly log: TransparencyLog) {}

  @Get()
  @ApiOperation({ summary: 'Read the latest signed checkpoint' })
  @Access({ scopes: ['read', 'resources:write', 'legal:read'] })
  @ApiProduces('text/plain')
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOkResponse({
    schema: { type: 'string' },
    description:
      "The latest C2SP tlog-checkpoint (origin, tree size, base64 RFC 9162 root) as a signed note: the log's Ed25519 signature, then every witness cosignature (c2sp.org/tlog-cosignature) collected so far",
  })
  async read(@Query() _query: ReadQuery): Promise<string> {
    const latest = await this.log.latestCheckpoint();
    if (!latest) throw new ProblemException(problem(404, 'NOT_FOUND', 'No checkpoint has been signed yet: the worker signs one once the log has events'));
    return latest.note;
  }
}
