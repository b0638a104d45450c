import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Frontier, leafHash } from '@coalition/transparency-log';
import { verifyLeavesExport } from './offline-verification';

const leaf = (position: number) => `{"data":{"choice":"yes, \\"position\\":0"},"metadata":{"a":1},"position":${position},"recordedAt":"2026-12-04T00:00:00.000Z","type":"Voted"}`;

describe('verifyLeavesExport, the offline verifier over a leaves export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coalition-leaves-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const size = 37;
  const lines = Array.from({ length: size }, (_, i) => leaf(i + 1));
  const frontier = Frontier.empty();
  for (const line of lines) frontier.append(Buffer.from(line));
  // workerFromBytes 0: every export, however small, hashes its leaves on the worker thread.
  const verify = (name: string, content: string, treeSize = size, chunkBytes?: number, workerFromBytes?: number) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return verifyLeavesExport(path, treeSize, { chunkBytes, workerFromBytes });
  };

  it('rebuilds the root from event lines and withheld lines alike', async () => {
    const withheld = lines.map((line, i) => (i % 5 === 2 ? JSON.stringify({ leafHash: leafHash(Buffer.from(line)).toString('base64'), position: i + 1 }) : line));
    await expect(verify('whole.ndjson', `${withheld.join('\n')}\n`)).resolves.toEqual({ root: frontier.root(), leaves: size });
    const shorter = Frontier.empty();
    for (const line of lines.slice(0, 20)) shorter.append(Buffer.from(line));
    await expect(verify('prefix.ndjson', `${withheld.join('\n')}\n`, 20)).resolves.toEqual({ root: shorter.root(), leaves: 20 });
  });

  it('refuses a line that states another position, a misplaced withheld leaf and an unfinished last line', async () => {
    const swapped = [...lines];
    [swapped[9], swapped[10]] = [swapped[10], swapped[9]];
    await expect(verify('swapped.ndjson', `${swapped.join('\n')}\n`)).resolves.toEqual({ error: 'the leaf on line 10 does not state position 10', position: 10 });
    const misplaced = [...lines];
    misplaced[3] = JSON.stringify({ leafHash: leafHash(Buffer.from(lines[3])).toString('base64'), position: 5 });
    await expect(verify('misplaced.ndjson', `${misplaced.join('\n')}\n`)).resolves.toEqual({ error: 'a withheld leaf is malformed or out of place', position: 4 });
    await expect(verify('unfinished.ndjson', lines.join('\n'))).resolves.toEqual({ error: 'the export ends in an unfinished line', position: size });
  });

  it('changes the root when one byte of one event changes', async () => {
    const tampered = [...lines];
    tampered[17] = tampered[17].replace('yes', 'no!');
    const rebuilt = await verify('tampered.ndjson', `${tampered.join('\n')}\n`);
    expect('root' in rebuilt && rebuilt.root.equals(frontier.root())).toBe(false);
  });

  it('gives the same root and refusals when the file spans many chunks, lines longer than a chunk included', async () => {
    const withheld = lines.map((line, i) => (i % 7 === 3 ? JSON.stringify({ leafHash: leafHash(Buffer.from(line)).toString('base64'), position: i + 1 }) : line));
    for (const workerFromBytes of [0, Infinity]) {
      for (const chunkBytes of [64, 300, 1000]) {
        await expect(verify(`chunks-${chunkBytes}.ndjson`, `${withheld.join('\n')}\n`, size, chunkBytes, workerFromBytes)).resolves.toEqual({ root: frontier.root(), leaves: size });
        await expect(verify(`short-${chunkBytes}.ndjson`, `${lines.slice(0, 30).join('\n')}\n`, size, chunkBytes, workerFromBytes)).resolves.toEqual({
          error: `the export holds 30 leaves; the checkpoint says ${size}`,
          position: 31,
        });
      }
    }
  });

  it('stops its hashing thread when it refuses a line mid-file, and verifies again afterwards', async () => {
    const terminate = jest.spyOn(Worker.prototype, 'terminate');
    try {
      const swapped = [...lines];
      [swapped[29], swapped[30]] = [swapped[30], swapped[29]];
      await expect(verify('late-swap.ndjson', `${swapped.join('\n')}\n`, size, 300, 0)).resolves.toEqual({ error: 'the leaf on line 30 does not state position 30', position: 30 });
      expect(terminate).toHaveBeenCalledTimes(1);
      await expect(terminate.mock.results[0].value).resolves.toEqual(expect.any(Number));
      await expect(verify('again.ndjson', `${lines.join('\n')}\n`, size, 300, 0)).resolves.toEqual({ root: frontier.root(), leaves: size });
      expect(terminate).toHaveBeenCalledTimes(2);
    } finally {
      terminate.mockRestore();
    }
  });
});
