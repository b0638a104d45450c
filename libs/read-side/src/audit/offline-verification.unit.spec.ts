import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const verify = (name: string, content: string, treeSize = size) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return verifyLeavesExport(path, treeSize);
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
});
