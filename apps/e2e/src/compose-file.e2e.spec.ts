import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT } from './processes';

const COMPOSE = join(ROOT, 'docker/compose.yml');
const REQUIRED = { JWT_SECRET: 'x'.repeat(48), BOOTSTRAP_ADMIN_USERNAME: 'admin', BOOTSTRAP_ADMIN_PASSWORD: 'a long admin password' };
const composePlugin = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
const hasCompose = composePlugin.status === 0;
if (!hasCompose) {
  process.stderr.write('docker/compose.yml: the docker compose plugin is not installed here, so `docker compose config` did not run; only the file checks below did.\n');
}

type Service = { build?: { context: string; dockerfile: string; target?: string }; image?: string; depends_on?: Record<string, { condition: string }>; environment?: Record<string, unknown>; healthcheck?: unknown };

/**
 * No Docker engine runs here. `docker compose config` validates the file without one (the
 * Compose specification, interpolation, the required variables), when the plugin is installed;
 * the checks that need no Docker at all always run. Neither builds an image nor starts a container.
 */
describe('docker/compose.yml', () => {
  (hasCompose ? it : it.skip)('passes `docker compose config`, and refuses to render without the required variables', () => {
    const env = { ...process.env, ...REQUIRED };
    const ok = spawnSync('docker', ['compose', '-f', COMPOSE, 'config', '--quiet'], { env, encoding: 'utf8' });
    expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: '' });
    const { JWT_SECRET: _omitted, ...withoutSecret } = env;
    const refused = spawnSync('docker', ['compose', '-f', COMPOSE, 'config', '--quiet'], { env: withoutSecret, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/JWT_SECRET/);
  });

  it('is well-formed YAML with the four services, builds from the Dockerfile targets that exist, and waits for healthy dependencies', () => {
    const document = parseDocument(readFileSync(COMPOSE, 'utf8'));
    expect(document.errors).toEqual([]);
    const services = (document.toJS({ maxAliasCount: 100 }) as { services: Record<string, Service> }).services;
    expect(Object.keys(services).sort()).toEqual(['api', 'kafka', 'postgres', 'worker']);
    const dockerfile = readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8');
    for (const name of ['api', 'worker']) {
      const build = services[name].build;
      expect(build && existsSync(join(ROOT, 'docker', build.context, build.dockerfile))).toBe(true);
      expect(dockerfile).toMatch(new RegExp(`^FROM .* AS ${build?.target}$`, 'm'));
      for (const [dependency, { condition }] of Object.entries(services[name].depends_on ?? {})) {
        expect(services[dependency]).toBeDefined();
        expect(condition).toBe('service_healthy');
        expect(services[dependency].healthcheck).toBeDefined();
      }
    }
  });

  it('documents every variable it requires in docker/README.md', () => {
    const required = [...readFileSync(COMPOSE, 'utf8').matchAll(/\$\{([A-Z_]+):\?/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(Object.keys(REQUIRED)));
    const readme = readFileSync(join(ROOT, 'docker/README.md'), 'utf8');
    for (const name of required) expect(readme).toContain(name);
  });
});
