import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberStateDecider, memberStateStreamId, SYSTEM_ACTOR, userDecider, userStreamId } from '@coalition/domain';
import { hashPassword, verifyPassword } from '@coalition/platform';
import { testAdmin } from '@coalition/platform/testing';
import { CommandExecutor, EventStore, TOPICS } from '@coalition/event-store';
import { createTestDatabase, TestDatabase, testKafkaBrokers } from '@coalition/event-store/testing';
import { freePort, json, ROOT, RunningApp, startApp } from './processes';

jest.setTimeout(180_000);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npx coalition …` as a user types it (bin/coalition.js), optionally under a pseudo-terminal. */
function coalition(args: string[], env: Record<string, string>, options: { stdin?: string; terminal?: boolean } = {}): Promise<Run> {
  const node = [process.execPath, join(ROOT, 'bin/coalition.js'), ...args];
  const [command, ...rest] = options.terminal ? ['script', '-qefc', node.map((part) => `'${part}'`).join(' '), '/dev/null'] : node;
  const child = spawn(command, rest, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

const SUBCOMMANDS = [['verify'], ['rebuild'], ['export'], ['admin', 'reset-password'], ['backup'], ['restore']];

describe('npx coalition', () => {
  it('has --help on every subcommand, with the exit statuses', async () => {
    const top = await coalition(['--help'], {});
    expect(top).toMatchObject({ status: 0 });
    for (const name of ['verify', 'rebuild', 'export', 'admin', 'backup', 'restore']) expect(top.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    for (const sub of SUBCOMMANDS) {
      const help = await coalition([...sub, '--help'], {});
      expect({ sub, status: help.status }).toEqual({ sub, status: 0 });
      expect(help.stdout).toMatch(sub[0] === 'verify' ? /^usage: npx coalition verify/ : new RegExp(`^Usage: coalition ${sub.join(' ')}`));
      expect(help.stdout).toMatch(/\b3\b[^]*?checkpoint/);
    }
    const wrong = await coalition(['export', '--format', 'xml'], {});
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/argument 'xml' is invalid/);
    expect((await coalition(['frobnicate'], {})).status).toBe(2);
  });

  describe('on PostgreSQL', () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    const userId = randomUUID();

    beforeAll(async () => {
      database = await createTestDatabase();
      env = { DATABASE_URL: database.url, KAFKA_BROKERS: testKafkaBrokers().join(',') };
      const executor = new CommandExecutor(new EventStore(database.db));
      for (const code of ['AA', 'BB', 'CC']) {
        await executor.execute(memberStateDecider, { streamId: memberStateStreamId(code), actor: testAdmin, command: { type: 'RegisterState', data: { code, name: `State ${code}`, population: 10 } } });
      }
      await executor.execute(userDecider, {
        streamId: userStreamId(userId),
        actor: SYSTEM_ACTOR,
        command: {
          type: 'RegisterUser',
          data: { userId, username: 'lost.admin', displayName: 'Lost', roles: ['admin'], stateCode: null, passwordHash: await hashPassword('forgotten password'), stateRegistered: false },
        },
      });
      // What the relay does (no worker runs here): a rebuild folds only events already published.
      await database.db.query('UPDATE outbox SET sent_at = now(), topic = $1, partition = 0', [TOPICS.events]);
    }, 60_000);

    afterAll(() => database?.drop());

    it('verify: 0 for an intact chain, 3 (a mismatch, not BROKEN) for a checkpoint it does not pass through, 2 for bad arguments', async () => {
      const intact = await coalition(['verify'], env);
      expect(intact).toMatchObject({ status: 0, stdout: expect.stringMatching(/^audit chain intact: 4 events, head 4 [0-9a-f]{64}\n/) });
      const head = JSON.parse(intact.stdout.trim().split('\n')[1]) as { headHash: string };
      expect((await coalition(['verify', '--position', '4', '--hash', head.headHash], env)).status).toBe(0);
      const mismatch = await coalition(['verify', '--position', '2', '--hash', 'a'.repeat(64)], env);
      expect(mismatch.status).toBe(3);
      expect(mismatch.stdout).toMatch(/^checkpoint MISMATCH at position 2: the chain is intact/);
      expect(mismatch.stdout).not.toMatch(/BROKEN/);
      expect((await coalition(['verify', '--position', '2'], env)).status).toBe(2);
    });

    it('rebuild: folds every event again and says how many; progress with rate and time left on a terminal only', async () => {
      const piped = await coalition(['rebuild'], env);
      expect(piped).toMatchObject({ status: 0, stderr: '' });
      expect(piped.stdout).toMatch(/^Rebuilt member-states, users, .* from 4 events \(up to position 4\) in \d+\.\d s\n$/);
      expect(piped.stderr).toBe('');
      expect(await database.db.query('SELECT code FROM rm_member_states ORDER BY code')).toEqual([{ code: 'AA' }, { code: 'BB' }, { code: 'CC' }]);
      const onTerminal = await coalition(['rebuild'], env, { terminal: true });
      expect(onTerminal.status).toBe(0);
      expect(onTerminal.stdout).toMatch(/rebuilding read models \[.*\] \d+% \| \d+\/4 \| \d+\/s \| .* left/);
    });

    it('export: NDJSON to stdout or CSV to a file, credentials withheld', async () => {
      const ndjson = await coalition(['export'], env);
      expect(ndjson.status).toBe(0);
      const events = ndjson.stdout.trim().split('\n').map((line) => JSON.parse(line) as { position: number; type: string; data: object; redactedFields?: string[] });
      expect(events.map((e) => e.position)).toEqual([1, 2, 3, 4]);
      expect(events[3]).toMatchObject({ type: 'UserRegistered', redactedFields: ['passwordHash'] });
      expect(ndjson.stdout).not.toContain('scrypt$');
      const dir = mkdtempSync(join(tmpdir(), 'coalition-export-'));
      try {
        const file = join(dir, 'audit.csv');
        const csv = await coalition(['export', '--format', 'csv', '--after', '2', '--out', file], env);
        expect(csv).toMatchObject({ status: 0, stderr: `Exported 2 events to ${file} (csv)\n` });
        const rows = readFileSync(file, 'utf8').trim().split('\n');
        expect(rows[0]).toMatch(/^position,/);
        expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(['3', '4']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('admin reset-password: a generated password shown once, or one from stdin; recorded as PasswordReset by the system; 1 for an unknown user', async () => {
      const generated = await coalition(['admin', 'reset-password', 'lost.admin'], env);
      expect(generated.status).toBe(0);
      const password = /^ {2}(\S+)$/m.exec(generated.stdout)?.[1] ?? '';
      expect(password).toHaveLength(24);
      const currentHash = async () =>
        (await database.db.query<{ hash: string }>(`SELECT data->>'passwordHash' AS hash FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1`, [userStreamId(userId)]))[0].hash;
      expect(await verifyPassword(password, await currentHash())).toBe(true);
      const [reset] = await database.db.query<{ type: string; actor: string }>(
        `SELECT type, metadata->'actor'->>'id' AS actor FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1`,
        [userStreamId(userId)],
      );
      expect(reset).toEqual({ type: 'PasswordReset', actor: 'system' });

      expect(await coalition(['admin', 'reset-password', 'lost.admin', '--password-stdin'], env, { stdin: 'short\n' })).toMatchObject({ status: 2 });
      const chosen = await coalition(['admin', 'reset-password', 'lost.admin', '--password-stdin'], env, { stdin: 'my own new password\n' });
      expect(chosen).toMatchObject({ status: 0, stdout: 'The password of "lost.admin" was set. Its earlier sessions have ended.\n' });
      expect(await verifyPassword('my own new password', await currentHash())).toBe(true);
      expect(await coalition(['admin', 'reset-password', 'nobody.at.all'], env)).toMatchObject({ status: 1, stderr: 'No user "nobody.at.all" in the database\n' });
    });

    it('backup and restore: only for the embedded data, pointing to pg_dump', async () => {
      const answer = await coalition(['backup', '/tmp/never-written.tar.gz'], env);
      expect(answer).toMatchObject({ status: 2, stderr: expect.stringMatching(/backup is for the embedded data .* pg_dump/) });
    });
  });

  describe('on the embedded data', () => {
    let root: string;
    let env: Record<string, string>;
    let app: RunningApp | undefined;
    const ADMIN = { BOOTSTRAP_ADMIN_USERNAME: 'embedded.admin', BOOTSTRAP_ADMIN_PASSWORD: 'embedded admin password' };
    const login = async (password: string) => {
      const response = await fetch(`${app?.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'embedded.admin', password }),
      });
      return response.status === 200 ? (await json<{ accessToken: string }>(response)).accessToken : undefined;
    };
    const addState = async (token: string, code: string) => {
      const response = await fetch(`${app?.url}/api/v1/states`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ code, name: `State ${code}`, population: 1 }),
      });
      expect(response.status).toBe(201);
    };

    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'coalition-cli-'));
      env = { DATA_DIR: join(root, 'data') };
    });

    afterAll(async () => {
      await app?.stop();
      rmSync(root, { recursive: true, force: true });
    });

    it('with the app running: every command says in one line which process holds the data and what to do (4), never a WASM abort', async () => {
      app = await startApp('api', { ...env, ...ADMIN }, freePort());
      await addState((await login(ADMIN.BOOTSTRAP_ADMIN_PASSWORD)) ?? '', 'WA');
      for (const args of [['verify'], ['rebuild'], ['export'], ['admin', 'reset-password', 'embedded.admin'], ['backup', join(root, 'b.tar.gz')]]) {
        const answer = await coalition(args, env);
        const said = answer.stdout + answer.stderr;
        expect({ args, status: answer.status }).toEqual({ args, status: 4 });
        expect(said).toMatch(new RegExp(`^The embedded data in .* is in use by the Coalition api on http://localhost:\\d+ \\(pid ${app.pid}, since .*\\): stop it first \\(Ctrl\\+C where it runs, or kill ${app.pid}\\)`));
        expect(said.trim().split('\n')).toHaveLength(1);
        expect(said).not.toMatch(/Aborted/);
      }
      await app.stop();
      app = undefined;
    });

    it('backup, then restore: refuses to overwrite without --force, keeps the replaced data aside, verifies what it loaded', async () => {
      const file = join(root, 'backup.tar.gz');
      const backedUp = await coalition(['backup', file], env);
      expect(backedUp).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Backed up .*data \(2 events\) to .*backup\.tar\.gz \(\d+ bytes\)\n$/) });
      expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip

      // Things change after the backup; the restore brings back the state of the backup.
      app = await startApp('api', { ...env, ...ADMIN }, freePort());
      await addState((await login(ADMIN.BOOTSTRAP_ADMIN_PASSWORD)) ?? '', 'OR');
      await app.stop();
      app = undefined;

      expect(await coalition(['restore', file], env)).toMatchObject({ status: 1, stderr: expect.stringMatching(/already holds data: pass --force/) });
      const garbage = join(root, 'garbage.tar.gz');
      writeFileSync(garbage, 'not a backup at all');
      const refused = await coalition(['restore', garbage, '--force'], env);
      expect(refused).toMatchObject({ status: 1, stderr: expect.stringMatching(/is not a Coalition backup/) });

      const restored = await coalition(['restore', file, '--force'], env);
      expect(restored.status).toBe(0);
      expect(restored.stdout).toMatch(/^Restored .* into .*: 2 events, audit chain intact \(head 2\)\. The data it replaced is in .*pglite\.before-restore-/);

      app = await startApp('api', { ...env, ...ADMIN }, freePort());
      const token = (await login(ADMIN.BOOTSTRAP_ADMIN_PASSWORD)) ?? '';
      const states = await json<{ code: string }[]>(await fetch(`${app.url}/api/v1/states`, { headers: { authorization: `Bearer ${token}` } }));
      expect(states.map((s) => s.code)).toEqual(['WA']);
    });
  });
});
