import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@coalition/platform';
import { parseVerifierKey } from '@coalition/transparency-log';
import { Public } from '../../common/auth/access.decorator';
import { WitnessesResponse } from '../transparency.dto';

@ApiTags('audit')
@Controller('audit/witnesses')
export class ReadWitnessesController {
  private readonly answer: WitnessesResponse;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Names and keys only: a witness's URL may be an address inside the deployment.
    this.answer = { witnesses: config.transparencyLog.witnesses.map(({ verifierKey }) => ({ name: parseVerifierKey(verifierKey).name, verifierKey })) };
  }

  @Get()
  @ApiOperation({ summary: "List the witnesses' verifier keys" })
  @Public()
  @ApiOkResponse({ type: WitnessesResponse, description: "The witnesses the log asks to cosign, with the keys their cosignatures on GET /audit/checkpoint verify under" })
  read(): WitnessesResponse {
    return this.answer;
  }
}
