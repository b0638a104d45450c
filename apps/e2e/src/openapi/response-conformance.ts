import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Middleware } from 'openapi-fetch';

type Schema = Record<string, unknown>;
interface Document {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: Schema;
}

/**
 * An openapi-fetch middleware that checks every answer against the document: its status must be
 * one the operation declares, and its JSON body must match that response's schema (Ajv, with
 * OpenAPI's `nullable`). What does not match is collected in `faults`.
 */
export function responseConformance(document: Document): { middleware: Middleware; faults: string[]; checked: () => number } {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = new Map<string, ValidateFunction>();
  const faults: string[] = [];
  let checked = 0;
  const middleware: Middleware = {
    async onResponse({ request, schemaPath, response }) {
      const method = request.method.toLowerCase();
      const operation = document.paths[schemaPath]?.[method];
      const declared = operation?.responses[String(response.status)];
      const where = `${request.method} ${schemaPath} → ${response.status}`;
      checked++;
      if (!declared) return void faults.push(`${where}: not a status the document declares`);
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
      const schema = declared.content?.[mediaType]?.schema;
      if (!schema) return void faults.push(`${where}: ${mediaType || 'no content type'} is not declared`);
      const key = `${where} ${mediaType}`;
      if (!compiled.has(key)) compiled.set(key, ajv.compile({ ...schema, components: document.components }));
      const validate = compiled.get(key) as ValidateFunction;
      const body: unknown = await response.clone().json();
      if (!validate(body)) faults.push(`${where}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 300)}`);
    },
  };
  return { middleware, faults, checked: () => checked };
}
