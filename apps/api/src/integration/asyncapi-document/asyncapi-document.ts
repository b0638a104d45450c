import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const ASYNCAPI_FILE = join('docs', 'asyncapi.yaml');

/** Finds docs/asyncapi.yaml in the first folder above `from` that has it: the sources in tests, dist/.. when built, /app in the image. */
export function findAsyncApiDocument(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, ASYNCAPI_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${ASYNCAPI_FILE} not found above ${from}`);
  }
}

export const loadAsyncApiDocument = (): string => readFileSync(findAsyncApiDocument(), 'utf8');

export interface AsyncApiDeployment {
  /** `KAFKA_BROKERS`, or none when the deployment runs embedded without Kafka. */
  brokers: string[];
  /** `KAFKA_TOPIC_PREFIX`, put in front of every channel address as the deployment names its topics. */
  topicPrefix: string;
}

const SERVERS_BLOCK = /^servers:\n(?:(?: {2,}.*)?\n)*/m;
const ADDRESS_LINE = /^( {4}address: )(\S+)$/gm;

/**
 * The document as this deployment serves it: its servers are the configured brokers (the file's
 * `{broker}` variable resolved) and its channel addresses the topic names it really uses.
 * Embedded, without Kafka, it lists no server: the same envelopes come from the feed and webhooks.
 */
export function servedAsyncApiDocument(document: string, deployment: AsyncApiDeployment): string {
  if (!SERVERS_BLOCK.test(document)) throw new Error('docs/asyncapi.yaml has no top-level servers block');
  const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const servers =
    deployment.brokers.length === 0
      ? 'servers: {}\n'
      : 'servers:\n' +
        deployment.brokers
          .map(
            (broker, i) =>
              `  broker-${i + 1}:\n    host: ${quoted(broker)}\n    protocol: kafka\n    description: Broker ${i + 1} of ${deployment.brokers.length} of this deployment (KAFKA_BROKERS).\n`,
          )
          .join('');
  return document.replace(SERVERS_BLOCK, `${servers}\n`).replace(ADDRESS_LINE, (_line, lead: string, address: string) => `${lead}${quoted(deployment.topicPrefix + address)}`);
}
