import { Injectable, PipeTransform } from '@nestjs/common';
import { STATE_CODE_PATTERN } from '@coalition/domain';
import { validationProblem } from '../common/http/problem';

@Injectable()
export class StateCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!STATE_CODE_PATTERN.test(value)) throw validationProblem('A state code is two upper-case letters', [{ field: 'code', message: 'must be two upper-case letters' }]);
    return value;
  }
}
