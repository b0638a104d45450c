import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import { AccessPolicy } from '../auth/access.decorator';
import { problemCodes, problemResponse } from './operation-problems';
import { ProblemDto } from './problem.dto';
import { RouteFacts, routeFacts } from './route-facts';

const TAGS: Record<string, string> = {
  identity: 'Sign-in, users and API keys',
  'member states': 'The states that take part',
  compacts: 'Compacts and their membership',
  proposals: "The compacts' decisions: proposals and votes",
  'resource sharing': 'Pledges, requests, offers, agreements and reimbursements between member states',
  'legal actions': 'Joint legal responses: lawsuits, amicus briefs, comment letters, petitions',
  audit: 'The event log with its hash chain, for auditors',
  integration: 'The pull feed and webhooks, for agency systems',
  operations: 'Health, metrics and the AsyncAPI document',
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** `MakeOfferController` → `makeOffer`: one controller per use case, so its name reads as the method. */
export const operationIdOf = (controller: string, method: string): string => {
  const name = controller.replace(/Controller$/, '');
  return name === controller ? `${controller}_${method}` : name.charAt(0).toLowerCase() + name.slice(1);
};

/** The api's OpenAPI 3 document, complete enough for a typed client: see docs/integration.md. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Coalition API')
    .setDescription(
      'Multistate compacts, votes, resource sharing and joint legal responses, for the staff of US states and their agency systems. ' +
        'Every error is an RFC 9457 problem (`application/problem+json`) whose `code` each operation lists; every command answers ' +
        '`{id, version, position}`, and every GET accepts `minPosition` to read its own writes. A known path called with a method it ' +
        'does not serve answers 405 with `Allow`. The contract in prose is docs/api.md.',
    )
    .setVersion('1')
    .addServer('/', 'This deployment')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A token from POST /api/v1/auth/login, or from a configured OIDC provider' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: "An agency system's key (POST /api/v1/api-keys)" }, 'api-key');
  for (const [name, description] of Object.entries(TAGS)) builder.addTag(name, description);
  const config = builder.build();
  config.info.contact = { name: "The deployment's operators (see GET /docs for this document in a browser)" };
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto], operationIdFactory: operationIdOf });
  return completeOperations(withSharedComponents(document), routeFacts(app, operationIdOf));
}

function withSharedComponents(document: OpenAPIObject): OpenAPIObject {
  const string = { type: 'string' } as const;
  document.components = {
    ...document.components,
    headers: {
      'X-Correlation-Id': { description: 'The correlation id of this request (the one sent, or a new one): it is in the logs and in the metadata of every event the request caused', schema: string },
      'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } },
      'WWW-Authenticate': { description: 'The authentication schemes accepted (RFC 9110, RFC 6750): `Bearer`, and `X-API-Key` where keys are accepted', schema: string },
      'Idempotent-Replayed': { description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key', schema: { type: 'string', enum: ['true'] } },
    },
    parameters: {
      'Idempotency-Key': {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Repeat the command safely: the same key from the same principal answers the first answer and writes nothing (another body with it is 409 IDEMPOTENCY_KEY_REUSED)',
        schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
      },
      'If-Match': {
        name: 'If-Match',
        in: 'header',
        required: false,
        description: 'The stream version the caller last saw (a GET answers it as `version`): the command is refused with 412 VERSION_CONFLICT if the aggregate has moved since',
        schema: { type: 'string', pattern: '^(W/)?"?\\d{1,9}"?$' },
      },
      'X-Correlation-Id': {
        name: 'X-Correlation-Id',
        in: 'header',
        required: false,
        description: 'Ties this request to others of one piece of work; echoed back, logged and recorded on the events it causes',
        schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
      },
    },
  };
  return document;
}

function completeOperations(document: OpenAPIObject, facts: Map<string, RouteFacts>): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = facts.get(operation.operationId ?? '');
      if (!route) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} (${operation.operationId}) is no route of this application`);
      if (!operation.summary) throw new Error(`OpenAPI: ${route.route} needs @ApiOperation({ summary })`);
      complete(path, method, operation, route);
    }
  }
  return document;
}

function complete(path: string, method: string, operation: OperationObject, facts: RouteFacts): void {
  const policy = facts.policy;
  operation.description = [operation.description, `**Who may call:** ${whoMayCall(policy)}`].filter(Boolean).join('\n\n');
  operation.security = policy?.public ? [] : policy?.scopes?.length ? [{ bearer: [] }, { 'api-key': [] }] : [{ bearer: [] }];
  const responses = operation.responses as Record<string, ResponseObject>;
  for (const [status, codes] of problemCodes(path, method, operation, facts)) responses[status] = problemResponse(status, codes, responses[status]);
  const headers: ReferenceObject[] = [{ $ref: '#/components/parameters/X-Correlation-Id' }];
  if (facts.isCommand) headers.unshift({ $ref: '#/components/parameters/Idempotency-Key' }, { $ref: '#/components/parameters/If-Match' });
  operation.parameters = [...(operation.parameters ?? []).filter((p): p is ParameterObject => !('$ref' in p)), ...headers];
  for (const [status, response] of Object.entries(responses)) {
    response.headers = { ...response.headers, 'X-Correlation-Id': { $ref: '#/components/headers/X-Correlation-Id' } };
    if (facts.isCommand && status.startsWith('2')) response.headers['Idempotent-Replayed'] = { $ref: '#/components/headers/Idempotent-Replayed' };
  }
}

function whoMayCall(policy: AccessPolicy | undefined): string {
  if (!policy || policy.public) return 'anyone; no credentials needed.';
  const users = policy.roles ? `users with the role ${policy.roles.map((r) => `\`${r}\``).join(' or ')}` : 'any signed-in user';
  const keys = policy.scopes?.length ? `API keys with the scope ${policy.scopes.map((s) => `\`${s}\``).join(' or ')}` : 'no API key';
  return `${users}; ${keys}. A principal bound to a state acts only for that state.`;
}
