import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSignerKey, NoteSigner, parseSignerKey, verifierKeyOf } from '@coalition/transparency-log';
import { AppConfig, ConfigError } from '@coalition/platform';

export const LOG_KEY_FILE = 'log-signing.key';

/**
 * The log's checkpoint key: LOG_SIGNING_KEY when set; otherwise the key kept in DATA_DIR,
 * generated (with a random origin, or LOG_ORIGIN) the first time. Several processes sharing
 * DATA_DIR end up with one key: the file is created exclusively, and a loser reads the winner's.
 */
export function loadLogSigner(config: Pick<AppConfig, 'dataDir' | 'transparencyLog'>): NoteSigner {
  const { signingKey, origin } = config.transparencyLog;
  if (signingKey) return parseSignerKey(signingKey);
  const path = join(config.dataDir, LOG_KEY_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch {
    mkdirSync(config.dataDir, { recursive: true });
    const name = origin ?? `coalition.local/${randomBytes(6).toString('hex')}`;
    try {
      writeFileSync(path, `${formatSignerKey(name, randomBytes(32))}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    text = readFileSync(path, 'utf8').trim();
  }
  const signer = parseSignerKey(text);
  if (origin && signer.name !== origin) {
    throw new ConfigError(`Invalid configuration:\n  LOG_ORIGIN is ${origin} but ${path} holds the key of ${signer.name}; a log keeps its origin for life`);
  }
  return signer;
}

/** The one line GET /audit/log-key answers. */
export const logVerifierKey = (signer: NoteSigner): string => verifierKeyOf(signer);
