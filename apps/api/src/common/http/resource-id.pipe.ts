import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { problem, ProblemException } from './problem';

/**
 * The one rule for ids in paths: the api hands out UUIDs, so anything else names nothing that
 * can exist and is answered 404 like any unknown id, before it reaches a query.
 */
@Injectable()
export class ResourceIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw new ProblemException(problem(404, 'NOT_FOUND', `Nothing is known by the id ${value.slice(0, 100)}`));
    return value;
  }
}
