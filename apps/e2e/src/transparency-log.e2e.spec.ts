import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOfflineVerification } from '@coalition/read-side';
import { formatSignerKey, openNote, parseCheckpoint, parseSignerKey, parseVerifierKey, verifierKeyOf, verifierLeafHash, verifyConsistency, verifyInclusion } from '@coalition/transparency-log';
import { draftCompact, expectStatus, inSeconds, ratify, readUntil, vote } from './compacts.fixture';
import { Caller, Stack } from './stack';
import { startWitness, WitnessProcess } from './witness-process';

const b64 = (s: string) => Buffer.from(s, 'base64');

interface InclusionAnswer {
  position: number;
  leafIndex: number;
  treeSize: number;
  leaf?: string;
  leafHash: string;
  proof: string[];
}

/** A state proves its vote from the signed, cosigned checkpoint, over HTTP, without the auditor role. */
describe('the transparency log over HTTP', () => {
  let stack: Stack;
  let wa: Caller & { id: string };
  let or: Caller & { id: string };
  let auditor: Caller & { id: string };
  const dir = mkdtempSync(join(tmpdir(), 'coalition-tlog-e2e-'));
  const logSigningKey = formatSignerKey('coalition.e2e/log', randomBytes(32));
  const logKey = verifierKeyOf(parseSignerKey(logSigningKey));
  const witnesses: WitnessProcess[] = [];
  const text = async (path: string, username?: string) => {
    const headers: Record<string, string> = username ? { authorization: `Bearer ${await stack.login(username)}` } : {};
    const response = await fetch(`${stack.api.url}/api/v1${path}`, { headers });
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
  };

  beforeAll(async () => {
    witnesses.push(await startWitness(join(dir, 'wa'), 'wa.example/witness', logKey));
    witnesses.push(await startWitness(join(dir, 'or'), 'or.example/witness', logKey));
    stack = await Stack.start({
      env: { LOG_SIGNING_KEY: logSigningKey, WITNESSES: witnesses.map((w) => w.entry).join(','), AUDIT_CHECKPOINT_EVERY_EVENTS: '1', AUDIT_CHECKPOINT_INTERVAL_MS: '1000' },
    });
    for (const code of ['WA', 'OR']) await stack.registerState(code);
    [wa, or] = await Promise.all(['WA', 'OR'].map((code) => stack.coordinator(code)));
    auditor = await stack.auditor();
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    for (const w of witnesses) w.child.kill('SIGTERM');
  }, 30_000);

  it('publishes the verifier key to anyone, and a checkpoint cosigned by both witnesses to any principal', async () => {
    const key = await text('/audit/log-key');
    expect([key.status, key.type, key.body]).toEqual([200, 'text/plain; charset=utf-8', `${logKey}\n`]);
    // The witnesses' names and keys, for anyone (the console checks cosignatures with them); never their URLs.
    expect(JSON.parse((await text('/audit/witnesses')).body)).toEqual({
      witnesses: [
        { name: 'wa.example/witness', verifierKey: witnesses[0].key },
        { name: 'or.example/witness', verifierKey: witnesses[1].key },
      ],
    });
    const deadline = Date.now() + 60_000;
    let note = '';
    for (;;) {
      const answer = await text('/audit/checkpoint', 'wa.coordinator');
      note = answer.body;
      if (answer.status === 200 && note.includes('or.example/witness') && note.includes('wa.example/witness')) break;
      if (Date.now() > deadline) throw new Error(`no cosigned checkpoint: ${answer.status} ${note}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const opened = openNote(note, [parseVerifierKey(logKey), ...witnesses.map((w) => parseVerifierKey(w.key))]);
    expect(opened.verified.map((s) => s.name).sort()).toEqual(['coalition.e2e/log', 'or.example/witness', 'wa.example/witness']);
    expect(parseCheckpoint(opened.text).origin).toBe('coalition.e2e/log');
    expect((await text('/audit/checkpoint')).status).toBe(401);
  }, 90_000);

  it("lets a state prove its own vote, refuses what it may not read, and gives auditors every vote's proof", async () => {
    const { id: compactId } = await draftCompact(wa, { foundingStates: ['WA', 'OR'] });
    for (const caller of [wa, or]) expectStatus(await ratify(caller, compactId), 200);
    const opened = expectStatus(await wa.post(`/compacts/${compactId}/proposals`, { kind: 'resolution', title: 'Engines', text: 'Resolved.', closesAt: inSeconds(3600) }), 201);
    const proposalId = String(opened.body.id);
    const cast = expectStatus(await vote(wa, proposalId, 'yes'), 200);
    const position = Number(cast.body.position);
    // Wait for a checkpoint that covers the vote, cosigned by both witnesses.
    let checkpoint = '';
    const deadline = Date.now() + 60_000;
    for (;;) {
      checkpoint = (await text('/audit/checkpoint', 'wa.coordinator')).body;
      const size = Number(checkpoint.split('\n')[1]);
      if (size >= position && (checkpoint.match(/\u2014 /g) ?? []).length === 3) break;
      if (Date.now() > deadline) throw new Error(`no checkpoint covering ${position}: ${checkpoint}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const { size, root } = parseCheckpoint(openNote(checkpoint, [parseVerifierKey(logKey)]).text);

    const proof = expectStatus(await wa.get<InclusionAnswer>(`/audit/proofs/inclusion?position=${position}&treeSize=${size}`), 200).body;
    const leaf = b64(proof.leaf ?? '');
    const event = JSON.parse(leaf.toString('utf8')) as { type: string; position: number; data: { choice: string; stateCode: string } };
    expect(event).toMatchObject({ type: 'VoteCast', position, data: { choice: 'yes', stateCode: 'WA' } });
    expect(verifyInclusion(proof.leafIndex, size, verifierLeafHash(leaf), proof.proof.map(b64), root)).toBe(true);
    // Offline, with both witnesses required.
    writeFileSync(join(dir, 'checkpoint'), checkpoint);
    writeFileSync(join(dir, 'proof.json'), JSON.stringify(proof));
    let output = '';
    const status = await runOfflineVerification(
      ['--checkpoint', join(dir, 'checkpoint'), '--key', logKey, '--proof', join(dir, 'proof.json'), ...witnesses.flatMap((w) => ['--witness-key', w.key])],
      (t) => (output += t),
    );
    expect(output).toMatch(new RegExp(`position ${position} is included`));
    expect(status).toBe(0);

    // The bootstrap admin's registration (position 1) is for administrators: a coordinator gets no proof of it.
    expect((await wa.get('/audit/proofs/inclusion?position=1')).status).toBe(403);
    expect((await wa.get(`/audit/proofs/inclusion?position=${position}&treeSize=${size + 1_000_000}`)).status).toBe(400);
    expect((await wa.get('/audit/proofs/inclusion?position=0')).status).toBe(400);
    const consistency = expectStatus(await or.get<{ from: number; to: number; proof: string[] }>(`/audit/proofs/consistency?from=${size}&to=${size}`), 200).body;
    expect(consistency).toEqual({ from: size, to: size, proof: [] });

    // Auditors: every vote in the decision record carries its proof against the latest checkpoint
    // (read while no new checkpoint was signed, so the record's and ours are the same).
    await readUntil<{ votes: { inclusion?: InclusionAnswer }[] }>(auditor, `/audit/decisions/${proposalId}`, (r) => r.votes.every((v) => v.inclusion !== undefined));
    let latest: ReturnType<typeof parseCheckpoint> | undefined;
    for (let attempt = 0; attempt < 20 && !latest; attempt++) {
      const before = (await text('/audit/checkpoint', 'auditor')).body;
      const record = expectStatus(await auditor.get<{ votes: { position: number; inclusion: InclusionAnswer }[] }>(`/audit/decisions/${proposalId}`), 200).body;
      if ((await text('/audit/checkpoint', 'auditor')).body !== before) continue;
      latest = parseCheckpoint(openNote(before, [parseVerifierKey(logKey)]).text);
      for (const v of record.votes) {
        expect([v.inclusion.leafIndex, v.inclusion.treeSize]).toEqual([v.position - 1, latest.size]);
        expect(verifyInclusion(v.inclusion.leafIndex, latest.size, b64(v.inclusion.leafHash), v.inclusion.proof.map(b64), latest.root)).toBe(true);
      }
    }
    if (!latest) throw new Error('the checkpoint kept moving');
    // The log only grew between the two checkpoints.
    const grown = expectStatus(await auditor.get<{ proof: string[] }>(`/audit/proofs/consistency?from=${size}&to=${latest.size}`), 200).body;
    expect(verifyConsistency(size, latest.size, root, latest.root, grown.proof.map(b64))).toBe(true);
  }, 120_000);

  it("rebuilds the whole tree offline from the auditor's leaves export", async () => {
    const note = (await text('/audit/checkpoint', 'auditor')).body;
    const exported = await text('/audit/export?format=leaves', 'auditor');
    expect(exported.status).toBe(200);
    writeFileSync(join(dir, 'latest'), note);
    writeFileSync(join(dir, 'leaves.ndjson'), exported.body);
    let output = '';
    const status = await runOfflineVerification(['--checkpoint', join(dir, 'latest'), '--key', logKey, '--export', join(dir, 'leaves.ndjson')], (t) => (output += t));
    expect(output).toMatch(/the export's \d+ leaves rebuild its root/);
    expect(status).toBe(0);
    expect((await auditor.get('/audit/export?format=leaves&type=VoteCast')).status).toBe(400);
    expect((await wa.get('/audit/export?format=leaves')).status).toBe(403);
  }, 60_000);
});
