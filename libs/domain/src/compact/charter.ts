import { createHash } from 'node:crypto';

export interface Charter {
  text: string;
  /** Hex SHA-256 of the UTF-8 text, so a state can check the copy it ratified is the one on record. */
  sha256: string;
  /** 1 when drafted; each passed amendment of the text adds one. */
  version: number;
}

/** Deterministic, so it belongs with the rules: the digest can never disagree with the text. */
export const charterSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const charterOf = (text: string, version: number): Charter => ({ text, sha256: charterSha256(text), version });
