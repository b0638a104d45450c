import { IncomingMessage, ServerResponse } from 'node:http';
import { problem, ProblemException } from './problem';

/** Deeper than any body the API defines (the deepest, a compact's voting rule, is 2 levels), far below what recursion survives. */
export const MAX_JSON_DEPTH = 32;

/** Keys that would reach an object's prototype machinery if anything downstream merged the body. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONGEST_FORBIDDEN_KEY_ESCAPED = 6 * 'constructor'.length;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const isWhitespace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

export type JsonBodyFault = { kind: 'too-deep' } | { kind: 'forbidden-key'; key: string };

/**
 * One iterative pass over a JSON text's bytes, before it is parsed: its nesting depth (brackets
 * outside strings), stopping as soon as it passes `maxDepth`, and its object keys, compared
 * (escapes decoded) with the prototype's names. No recursion, so no stack to overflow whatever
 * the body. UTF-8 multi-byte sequences never contain these ASCII bytes. Malformed text is left
 * for the parser to refuse.
 */
export function scanJsonBody(raw: Buffer, maxDepth = MAX_JSON_DEPTH): JsonBodyFault | undefined {
  let depth = 0;
  let stringStart = -1;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (stringStart >= 0) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) {
        const key = keyEndingAt(raw, stringStart, i);
        if (key !== undefined && FORBIDDEN_KEYS.has(key)) return { kind: 'forbidden-key', key };
        stringStart = -1;
      }
    } else if (byte === QUOTE) {
      stringStart = i + 1;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > maxDepth) return { kind: 'too-deep' };
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return undefined;
}

/** The decoded text of the string raw[start, end) when it is an object key short enough to be a forbidden one. */
function keyEndingAt(raw: Buffer, start: number, end: number): string | undefined {
  if (end - start > LONGEST_FORBIDDEN_KEY_ESCAPED) return undefined;
  let next = end + 1;
  while (next < raw.length && isWhitespace(raw[next])) next++;
  if (raw[next] !== COLON) return undefined;
  const text = raw.toString('utf8', start, end);
  if (!text.includes('\\')) return text;
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return undefined;
  }
}

function faultProblem(fault: JsonBodyFault): ProblemException {
  if (fault.kind === 'too-deep') {
    const message = `nesting deeper than ${MAX_JSON_DEPTH} levels`;
    return new ProblemException(problem(400, 'VALIDATION_FAILED', `The body is nested deeper than ${MAX_JSON_DEPTH} levels`, [{ field: '', message }]));
  }
  const message = `property ${fault.key} should not exist`;
  return new ProblemException(problem(400, 'VALIDATION_FAILED', message, [{ field: fault.key, message }]));
}

/**
 * The JSON body parser's options: the raw body is scanned before it is parsed, so neither the
 * parser nor validation ever recurses over a hostile depth, and a key naming prototype
 * machinery is refused as the unknown property it is rather than silently dropped.
 */
export const jsonBodyOptions = (limit: string) => ({
  limit,
  verify: (_request: IncomingMessage, _response: ServerResponse, raw: Buffer, encoding: string) => {
    // RFC 8259: JSON exchanged between systems is UTF-8; the byte scan relies on it.
    if (encoding.toLowerCase() !== 'utf-8') {
      throw new ProblemException(problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'JSON bodies are UTF-8'));
    }
    const fault = scanJsonBody(raw);
    if (fault) throw faultProblem(fault);
  },
});
