import { formatAddCheckpoint, NoteVerifier, openNote, parseVerifierKey } from '@coalition/transparency-log';

export interface WitnessEndpoint {
  url: string;
  verifier: NoteVerifier;
}

export const witnessEndpoints = (witnesses: readonly { url: string; verifierKey: string }[]): WitnessEndpoint[] =>
  witnesses.map((w) => ({ url: w.url, verifier: parseVerifierKey(w.verifierKey) }));

export type WitnessAnswer =
  | { ok: true; line: string; size: number; timestamp: number }
  | { ok: false; status: number | 'invalid'; reason: string; size?: number };

/**
 * Asks one witness to cosign (c2sp.org/tlog-witness add-checkpoint), starting from the size it
 * last cosigned as far as we know; a 409 names its real size, and we ask once more from there.
 * Answers the cosignature line only if it verifies under the witness's configured key.
 */
export async function requestCosignature(
  endpoint: WitnessEndpoint,
  checkpoint: { note: string; size: number },
  knownSize: number,
  proofFrom: (size: number) => Promise<Buffer[]>,
  timeoutMs: number,
): Promise<WitnessAnswer> {
  let old = knownSize;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (old > checkpoint.size) return { ok: false, status: 409, reason: `the witness holds size ${old}, beyond this checkpoint's ${checkpoint.size}: the log shrank`, size: old };
    const body = formatAddCheckpoint({ oldSize: old, proof: old === 0 ? [] : await proofFrom(old), checkpoint: checkpoint.note });
    let response: Response;
    try {
      response = await fetch(`${endpoint.url}/add-checkpoint`, { method: 'POST', body, headers: { 'content-type': 'text/plain; charset=utf-8' }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      return { ok: false, status: 0, reason: `unreachable: ${(error as Error).message}` };
    }
    const text = await response.text();
    if (response.status === 409 && (response.headers.get('content-type') ?? '').startsWith('text/x.tlog.size') && /^\d+\n$/.test(text) && attempt === 0) {
      const size = Number(text.trim());
      if (size !== old) {
        old = size;
        continue;
      }
    }
    if (response.status !== 200) return { ok: false, status: response.status, reason: text.trim().slice(0, 500) || response.statusText, size: old };
    try {
      const opened = openNote(checkpoint.note + text, [endpoint.verifier]);
      const mine = opened.verified.find((s) => s.name === endpoint.verifier.name && s.keyId === endpoint.verifier.keyId);
      if (!mine || mine.timestamp === undefined) throw new Error('no cosignature by the configured witness key');
      return { ok: true, line: `\u2014 ${mine.name} ${mine.base64}\n`, size: checkpoint.size, timestamp: mine.timestamp };
    } catch (error) {
      return { ok: false, status: 'invalid', reason: (error as Error).message };
    }
  }
  return { ok: false, status: 409, reason: 'the witness keeps naming another size' };
}
