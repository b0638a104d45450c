import { Parser } from '@asyncapi/parser';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface AsyncApiMessage {
  name: string;
  /** Logical addresses of the channels that carry it (`coalition.events.v1`, ...). */
  channels: string[];
  payload: Record<string, unknown>;
  examples: unknown[];
  /** The message's content type, its traits' and the document default applied. */
  contentType: string | undefined;
  validate: ValidateFunction;
}

export interface AsyncApiServer {
  name: string;
  host: string;
  protocol: string;
}

export interface ParsedAsyncApi {
  /** Diagnostics of error severity (0); warnings and hints are left out. */
  errors: string[];
  messages: Map<string, AsyncApiMessage>;
  servers: AsyncApiServer[];
}

/**
 * Parses an AsyncAPI document with the reference parser and compiles each message payload
 * (references resolved) into a JSON Schema validator, so tests can check real envelopes
 * against what the document promises.
 */
export async function parseAsyncApi(text: string): Promise<ParsedAsyncApi> {
  const { document, diagnostics } = await new Parser().parse(text);
  const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`);
  const messages = new Map<string, AsyncApiMessage>();
  if (!document) return { errors, messages, servers: [] };
  const servers = document.servers().all().map((server) => ({ name: server.id(), host: server.host(), protocol: server.protocol() }));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const channel of document.channels().all()) {
    for (const message of channel.messages().all()) {
      const name = message.name() ?? message.id();
      const known = messages.get(name);
      if (known) {
        known.channels.push(channel.address() ?? channel.id());
        continue;
      }
      const payload = (message.payload()?.json() ?? {}) as Record<string, unknown>;
      messages.set(name, {
        name,
        channels: [channel.address() ?? channel.id()],
        payload,
        examples: message.examples().all().map((example) => example.payload()),
        contentType: message.contentType(),
        validate: ajv.compile(plain(payload)),
      });
    }
  }
  return { errors, messages, servers };
}

/** The parser's resolved schemas share objects and carry its own `x-parser-*` keys: give ajv a plain copy. */
function plain(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema, (key, value) => (key.startsWith('x-parser-') ? undefined : value)));
}
