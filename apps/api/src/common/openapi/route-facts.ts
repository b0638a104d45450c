import { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_POLICY_KEY } from '@coalition/platform';
import { AccessPolicy } from '../auth/access.decorator';
import { commandMetaOf } from '../commands/command-meta.decorator';
import { API_PROBLEMS_KEY } from './api-problems.decorator';
import { RouteProblem } from './route-problem';
import { ROUTE_PROBLEMS } from './route-problems.generated';

/** What the OpenAPI document needs to know of a route beyond what Nest's swagger module reads. */
export interface RouteFacts {
  /** `Controller.method`, as in route-problems.generated.ts. */
  route: string;
  /** The operationId Nest's swagger module gave the route. */
  operationId: string;
  policy: AccessPolicy | undefined;
  /** It reads `If-Match` and `Idempotency-Key` (through @CommandMetaFrom). */
  isCommand: boolean;
  problems: RouteProblem[];
}

type Handler = (...args: unknown[]) => unknown;

/** Where @ApiOperation keeps its options (@nestjs/swagger's DECORATORS.API_OPERATION, which it does not export). */
const SWAGGER_OPERATION = 'swagger/apiOperation';

/** Every route handler of the application, by the operationId `operationIdOf` gives it. */
export function routeFacts(app: INestApplication, operationIdOf: (controller: string, method: string) => string): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { name: string; prototype: Record<string, Handler> } | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[method];
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const explicit = (Reflect.getMetadata(SWAGGER_OPERATION, handler) as { operationId?: string } | undefined)?.operationId;
        const operationId = explicit ?? operationIdOf(controller.name, method);
        const route = `${controller.name}.${method}`;
        const args = Object.values((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { factory?: unknown }>);
        facts.set(operationId, {
          route,
          operationId,
          policy: Reflect.getMetadata(ACCESS_POLICY_KEY, handler) as AccessPolicy | undefined,
          isCommand: args.some((arg) => arg.factory === commandMetaOf),
          problems: [...(ROUTE_PROBLEMS[route] ?? []), ...((Reflect.getMetadata(API_PROBLEMS_KEY, handler) as RouteProblem[] | undefined) ?? [])],
        });
      }
    }
  }
  return facts;
}
