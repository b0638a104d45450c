import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { IHeaders, Kafka } from 'kafkajs';

const run = promisify(execFile);
const KAFKA_TOOLS = resolve(__dirname, '../../../../tools/kafka');

/**
 * A broker of a test's own, on its own port (and data directory), started and stopped with
 * the repository's scripts: for tests that take Kafka down, so the shared broker is untouched.
 * `down()` keeps the data, so `up()` afterwards is a restart with every message kept. With a
 * `stateDir` of its own (a temporary directory) everything but the jars, which stay shared in
 * `<repo>/.kafka/libs`, lives there, and `destroy()` removes it.
 */
export class LocalKafkaBroker {
  constructor(
    readonly port: number,
    private readonly heapOpts = '-Xms128m -Xmx512m',
    private readonly stateDir?: string,
  ) {}

  /** Stops the broker and deletes its own state directory, if it has one. */
  async destroy(): Promise<void> {
    await this.down().catch(() => undefined);
    if (this.stateDir) rmSync(this.stateDir, { recursive: true, force: true });
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  up(timeoutMs = 150_000): Promise<void> {
    return this.script('kafka-up.sh', timeoutMs);
  }

  down(timeoutMs = 60_000): Promise<void> {
    return this.script('kafka-down.sh', timeoutMs);
  }

  private async script(name: string, timeoutMs: number): Promise<void> {
    try {
      await run('bash', [resolve(KAFKA_TOOLS, name)], {
        env: {
          ...process.env,
          KAFKA_PORT: String(this.port),
          KAFKA_HEAP_OPTS: this.heapOpts,
          ...(this.stateDir ? { KAFKA_STATE_DIR: this.stateDir, KAFKA_LIBS_DIR: resolve(KAFKA_TOOLS, '../../.kafka/libs') } : {}),
        },
        timeout: timeoutMs,
        maxBuffer: 4 * 1024 * 1024,
      });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      throw new Error(`${name} (port ${this.port}) failed: ${(error as Error).message}\n${stderr}`);
    }
  }
}

/** Deletes the topics under a test's own prefix; best effort, since no other test uses them. */
export async function deleteTestTopics(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (mine.length > 0) await admin.deleteTopics({ topics: mine, timeout: 5_000 });
  } catch {
    // the topics carry a unique prefix and never disturb another test
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Reads `topic` from the beginning with a consumer group of its own until `enough` says so
 * (checked after every message), then disconnects. Answers the messages in arrival order,
 * which within a partition is offset order. A consumer that fails to join (a broker that has
 * just restarted may still be loading its group coordinator) is replaced by a fresh one
 * until the time is up; messages are collected again from the beginning each time.
 */
export async function consumeUntil(
  kafka: Kafka,
  topic: string,
  enough: (messages: readonly ReceivedMessage[]) => boolean,
  { timeoutMs = 30_000 } = {},
): Promise<ReceivedMessage[]> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let attempt = 1; Date.now() < deadline; attempt++) {
    try {
      return await consumeOnce(kafka, topic, enough, deadline, `check-${randomBytes(6).toString('hex')}`);
    } catch (error) {
      lastError = error;
      if (error instanceof ConsumeTimeout) break;
      await new Promise((resolveLater) => setTimeout(resolveLater, Math.min(500 * attempt, 2_000)));
    }
  }
  throw new Error(`could not consume ${topic} within ${timeoutMs} ms: ${(lastError as Error | undefined)?.message ?? 'no attempt made'}`);
}

class ConsumeTimeout extends Error {}

async function consumeOnce(
  kafka: Kafka,
  topic: string,
  enough: (messages: readonly ReceivedMessage[]) => boolean,
  deadline: number,
  groupId: string,
): Promise<ReceivedMessage[]> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false, retry: { retries: 3 } });
  const messages: ReceivedMessage[] = [];
  let timer: NodeJS.Timeout | undefined;
  let removeCrashListener: (() => void) | undefined;
  try {
    const outcome = new Promise<void>((resolveDone, reject) => {
      timer = setTimeout(
        () => reject(new ConsumeTimeout(`timed out consuming ${topic}: ${messages.length} messages so far`)),
        Math.max(0, deadline - Date.now()),
      );
      removeCrashListener = consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      const collect = async () => {
        await consumer.connect();
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ topic: from, partition, message }) => {
            messages.push({
              topic: from,
              partition,
              offset: Number(message.offset),
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              headers: stringHeaders(message.headers),
            });
            if (enough(messages)) resolveDone();
          },
        });
      };
      collect().catch(reject);
    });
    await outcome;
    return [...messages];
  } finally {
    clearTimeout(timer);
    removeCrashListener?.();
    await consumer.disconnect().catch(() => undefined);
  }
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return out;
}
