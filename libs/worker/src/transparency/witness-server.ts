import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { dirname } from 'node:path';
import {
  decideAddCheckpoint,
  formatCosignerKey,
  NoteSigner,
  parseCosignerKey,
  parseVerifierKey,
  verifierKeyOf,
  WitnessedLog,
  WitnessRecord,
} from '@coalition/transparency-log';

export interface WitnessOptions {
  /** Where the witness's private key is kept (generated on first start). */
  keyFile: string;
  /** The witness's key name when the key is generated (a schema-less URL: wa.example.gov/witness). */
  name?: string;
  /** The last cosigned checkpoint per log, rewritten atomically before each answer. */
  stateFile: string;
  /** Verifier keys of the logs this witness follows; each key's name is the log's origin. */
  logKeys: readonly string[];
  host: string;
  port: number;
  log?: (line: string) => void;
}

const MAX_BODY = 64 * 1024;

export function loadWitnessKey(keyFile: string, name?: string): NoteSigner {
  if (!existsSync(keyFile)) {
    if (!name) throw new Error(`no witness key at ${keyFile}: give --name <witness name> to generate one`);
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `${formatCosignerKey(name, randomBytes(32))}\n`, { flag: 'wx', mode: 0o600 });
  }
  const signer = parseCosignerKey(readFileSync(keyFile, 'utf8'));
  if (name && signer.name !== name) throw new Error(`${keyFile} holds the key of ${signer.name}, not ${name}`);
  return signer;
}

/**
 * A c2sp.org/tlog-witness witness over HTTP: POST /add-checkpoint. The decision is the pure
 * `decideAddCheckpoint`; this keeps the record per origin in a JSON file, handles one request
 * at a time (so checking the old size and storing the new one are atomic), and writes the new
 * record (by rename, so a crash leaves the old or the new file whole) before it answers.
 */
export class WitnessServer {
  private readonly signer: NoteSigner;
  private readonly logs: Map<string, WitnessedLog>;
  private records: Record<string, WitnessRecord>;
  private queue: Promise<unknown> = Promise.resolve();
  private server?: Server;

  constructor(private readonly options: WitnessOptions) {
    this.signer = loadWitnessKey(options.keyFile, options.name);
    this.logs = new Map();
    for (const key of options.logKeys) {
      const verifier = parseVerifierKey(key);
      const known = this.logs.get(verifier.name);
      this.logs.set(verifier.name, { origin: verifier.name, verifiers: [...(known?.verifiers ?? []), verifier] });
    }
    this.records = existsSync(options.stateFile) ? (JSON.parse(readFileSync(options.stateFile, 'utf8')) as Record<string, WitnessRecord>) : {};
  }

  /** The line a log operator configures in WITNESSES (after the URL). */
  get verifierKey(): string {
    return verifierKeyOf(this.signer);
  }

  async start(): Promise<{ url: string }> {
    this.server = createServer((request, response) => {
      const answer = (status: number, body: string, contentType = 'text/plain; charset=utf-8') => {
        response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
        response.end(body);
      };
      if (request.url !== '/add-checkpoint') return answer(404, 'not found\n');
      if (request.method !== 'POST') return answer(405, 'POST only\n');
      readBody(request).then(
        (body) => {
          this.queue = this.queue.then(() => {
            const decision = decideAddCheckpoint(body, {
              logs: this.logs,
              recorded: (origin) => this.records[origin],
              signer: this.signer,
              now: Math.floor(Date.now() / 1000),
            });
            if (decision.record) this.persist(decision.record);
            this.options.log?.(
              decision.status === 200
                ? `cosigned ${decision.record?.origin} at size ${decision.record?.size}`
                : `refused (${decision.status}): ${decision.reason}`,
            );
            answer(decision.status, decision.body, decision.contentType);
          }).catch((error: unknown) => answer(500, `${(error as Error).message}\n`));
        },
        (error: Error) => answer(400, `${error.message}\n`),
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(this.options.port, this.options.host, resolve));
    const address = this.server.address();
    const port = typeof address === 'object' && address ? address.port : this.options.port;
    return { url: `http://${this.options.host}:${port}` };
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private persist(record: WitnessRecord): void {
    const next = { ...this.records, [record.origin]: record };
    const temporary = `${this.options.stateFile}.${process.pid}.tmp`;
    mkdirSync(dirname(this.options.stateFile), { recursive: true });
    writeFileSync(temporary, JSON.stringify(next, null, 2));
    renameSync(temporary, this.options.stateFile);
    this.records = next;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export const WITNESS_USAGE = `usage: npm run witness -- --log <log verifier key> [--log <key>]... [--name <witness name>]
                          [--key-file <path>] [--state <path>] [--listen <host:port>]

Runs a C2SP tlog-witness (POST /add-checkpoint) for the given logs: it cosigns a checkpoint
only with a valid consistency proof from the last one it cosigned for that log. The key is
generated under --key-file (default ./witness/witness.key) on first start, with --name; the
verifier key printed at start is what the log operator puts in WITNESSES.`;

export function parseWitnessArguments(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): WitnessOptions {
  const logKeys: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') throw new Error(WITNESS_USAGE);
    if (!['--log', '--name', '--key-file', '--state', '--listen'].includes(flag)) throw new Error(`unknown argument ${argv[i]}\n\n${WITNESS_USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--log') logKeys.push(value);
    else values.set(flag, value);
  }
  if (logKeys.length === 0) throw new Error(`give at least one --log\n\n${WITNESS_USAGE}`);
  const keyFile = values.get('--key-file') ?? env.WITNESS_KEY_FILE ?? './witness/witness.key';
  const listen = values.get('--listen') ?? env.WITNESS_LISTEN ?? '127.0.0.1:7380';
  const match = /^(.+):(\d{1,5})$/.exec(listen);
  if (!match) throw new Error('--listen must be host:port');
  return {
    keyFile,
    name: values.get('--name') ?? env.WITNESS_NAME,
    stateFile: values.get('--state') ?? `${dirname(keyFile)}/witness-state.json`,
    logKeys,
    host: match[1],
    port: Number(match[2]),
  };
}
