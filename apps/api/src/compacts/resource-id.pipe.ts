import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { problem, ProblemException } from '../common/http/problem';

/**
 * Compact and proposal ids are UUIDs. Anything else names nothing that can exist, so it is
 * answered 404 like any unknown id, before it reaches a query.
 */
@Injectable()
export class ResourceIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw new ProblemException(problem(404, 'NOT_FOUND', `Nothing is known by the id ${value.slice(0, 100)}`));
    return value;
  }
}
