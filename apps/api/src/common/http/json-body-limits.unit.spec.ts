import { MAX_JSON_DEPTH, scanJsonBody } from './json-body-limits';

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const scan = (text: string) => scanJsonBody(Buffer.from(text, 'utf8'));

describe('scanJsonBody', () => {
  it('accepts bodies up to the depth limit and refuses one level more', () => {
    expect(scan(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(scan(nested(MAX_JSON_DEPTH + 1))).toEqual({ kind: 'too-deep' });
    expect(scan(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`)).toEqual({ kind: 'too-deep' });
  });

  it('scans a body far deeper than any stack survives without recursing', () => {
    expect(scan(nested(200_000))).toEqual({ kind: 'too-deep' });
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(scan(JSON.stringify({ text: '{'.repeat(100), quoted: '"[[[[', more: '\\"{{{{{' }))).toBeUndefined();
    expect(scan(JSON.stringify({ a: { b: [1, 2, { c: '}}}}' }] } }))).toBeUndefined();
  });

  it('refuses prototype keys at any level, escaped or spaced, but not as values', () => {
    expect(scan('{"__proto__":{"admin":true}}')).toEqual({ kind: 'forbidden-key', key: '__proto__' });
    expect(scan('{"a":{"constructor" : {"prototype":1}}}')).toEqual({ kind: 'forbidden-key', key: 'constructor' });
    expect(scan('{"\\u005f_proto__":1}')).toEqual({ kind: 'forbidden-key', key: '__proto__' });
    expect(scan('{"name":"__proto__","list":["constructor"]}')).toBeUndefined();
  });

  it('leaves malformed text to the parser', () => {
    expect(scan('{"a": ')).toBeUndefined();
    expect(scan('"unterminated')).toBeUndefined();
  });
});
