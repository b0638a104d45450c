import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './processes';

export interface WitnessProcess {
  child: ChildProcess;
  /** The `<url> <verifier key>` pair for WITNESSES. */
  entry: string;
  /** Its verifier key (type 0x04). */
  key: string;
}

/** A witness of the log (`npm run witness`, built) on a free loopback port, keeping its key and state under `dir`. */
export async function startWitness(dir: string, name: string, logKey: string): Promise<WitnessProcess> {
  const child = spawn(
    process.execPath,
    ['-r', join(ROOT, 'tools/register-aliases.js'), join(ROOT, 'dist/tools/witness.js'), '--log', logKey, '--name', name, '--key-file', join(dir, 'witness.key'), '--listen', '127.0.0.1:0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = /WITNESSES entry: (\S+ (\S+))/.exec(output);
    if (match) return { child, entry: match[1], key: match[2] };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`witness did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
