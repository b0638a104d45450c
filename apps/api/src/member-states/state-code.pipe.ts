import { Injectable, PipeTransform } from '@nestjs/common';
import { STATE_CODE_PATTERN } from '@coalition/domain';
import { problem, ProblemException } from '../common/http/problem';

/** A state code in a path that is not two upper-case letters names no state: 404, as for any malformed id (ResourceIdPipe). */
@Injectable()
export class StateCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!STATE_CODE_PATTERN.test(value)) throw new ProblemException(problem(404, 'NOT_FOUND', `No state is known by the code ${value.slice(0, 100)}`));
    return value;
  }
}
