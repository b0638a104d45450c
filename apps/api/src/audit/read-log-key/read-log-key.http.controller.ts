import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { LOG_SIGNER } from '@coalition/platform';
import { logVerifierKey } from '@coalition/event-store';
import type { NoteSigner } from '@coalition/transparency-log';
import { Public } from '../../common/auth/access.decorator';

@ApiTags('audit')
@Controller('audit/log-key')
export class ReadLogKeyController {
  constructor(@Inject(LOG_SIGNER) private readonly signer: NoteSigner) {}

  @Get()
  @ApiOperation({ summary: "Read the log's verifier key" })
  @Public()
  @ApiProduces('text/plain')
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOkResponse({ schema: { type: 'string' }, description: "One line: the signed-note verifier key `<origin>+<hex key ID>+<base64(0x01 || Ed25519 public key)>` that checkpoints are signed with" })
  read(): string {
    return `${logVerifierKey(this.signer)}\n`;
  }
}
