import { randomBytes } from 'node:crypto';
import { formatCheckpoint, parseCheckpoint } from './checkpoint';
import { cosign, cosigner } from './cosignature';
import {
  ALG_COSIGNATURE_V1,
  formatSignerKey,
  MalformedNote,
  NoteVerificationError,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  verifierKeyOf,
} from './note';

/*
 * Published vectors from Go's reference implementation, golang.org/x/mod/sumdb/note
 * (note_test.go: TestNewVerifier, TestNewSigner, TestSign, TestOpen), copied verbatim.
 */
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG = '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG = '\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

describe('C2SP signed-note against golang.org/x/mod/sumdb/note', () => {
  it("reads Go's verifier key and derives the same key hash", () => {
    const verifier = parseVerifierKey(PETER_VKEY);
    expect(verifier.name).toBe('PeterNeumann');
    expect(verifier.keyId).toBe(0xc74f20a3);
  });

  it('refuses every substring and every one-byte mangling of the verifier key, as Go does', () => {
    const bytes = Buffer.from(PETER_VKEY);
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i + 1; j <= bytes.length; j++) {
        if (i !== 0 || j !== bytes.length) expect(() => parseVerifierKey(bytes.subarray(i, j).toString())).toThrow(MalformedNote);
      }
    }
    for (let i = 0; i < bytes.length; i++) {
      const mangled = Buffer.from(bytes);
      mangled[i] += 1;
      expect(() => parseVerifierKey(mangled.toString('latin1'))).toThrow(MalformedNote);
    }
    expect(() => parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==')).toThrow(MalformedNote);
    expect(() => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(MalformedNote);
  });

  it("reads Go's signer key, refuses its manglings, and derives Go's verifier key from it", () => {
    const signer = parseSignerKey(PETER_SKEY);
    expect(verifierKeyOf(signer)).toBe(PETER_VKEY);
    const bytes = Buffer.from(PETER_SKEY);
    for (let i = 0; i < bytes.length; i++) {
      const mangled = Buffer.from(bytes);
      mangled[i] += 1;
      expect(() => parseSignerKey(mangled.toString('latin1'))).toThrow();
    }
  });

  it("signs Go's text to exactly Go's signed note", () => {
    expect(signNote(TEXT, parseSignerKey(PETER_SKEY))).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it("opens Go's note: a known key verified, an unknown key ignored, no known key refused", () => {
    const peter = parseVerifierKey(PETER_VKEY);
    const enoch = parseVerifierKey(ENOCH_VKEY);
    const one = openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [peter]);
    expect(one.text).toBe(TEXT);
    expect(one.verified.map((s) => [s.name, s.keyId])).toEqual([['PeterNeumann', 0xc74f20a3]]);
    expect(one.unverified.map((s) => s.name)).toEqual(['EnochRoot']);
    expect(openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [peter, enoch]).verified).toHaveLength(2);
    expect(() => openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [])).toThrow('note has no verifiable signatures');
  });

  it("refuses Go's invalid signature and malformed notes", () => {
    const peter = parseVerifierKey(PETER_VKEY);
    expect(() => openNote(`${TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`, [peter])).toThrow(
      new NoteVerificationError('invalid signature for key PeterNeumann+c74f20a3'),
    );
    for (const bad of [
      TEXT,
      `${TEXT}\n`,
      `${TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `\u0001${TEXT}\n${PETER_SIG}`,
      `${TEXT}\n\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${TEXT}\n${PETER_SIG}Unexpected line.\n`,
      `${TEXT}\n${PETER_SIG.repeat(101)}`,
    ]) {
      expect(() => openNote(bad, [peter])).toThrow(MalformedNote);
    }
  });

  it('round-trips a generated key through the signer and verifier key formats', () => {
    const skey = formatSignerKey('coalition.example/log', randomBytes(32));
    const signer = parseSignerKey(skey);
    const note = signNote('hello\n', signer);
    expect(openNote(note, [parseVerifierKey(verifierKeyOf(signer))]).verified).toHaveLength(1);
  });
});

describe('C2SP tlog-checkpoint and tlog-cosignature', () => {
  const checkpoint = { origin: 'coalition.example/log', size: 20852163, root: Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64') };

  it('formats and parses the checkpoint body of the tlog-witness example', () => {
    const text = formatCheckpoint(checkpoint);
    expect(text).toBe('coalition.example/log\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
    expect(parseCheckpoint(text)).toEqual(checkpoint);
    for (const bad of ['x\n01\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', 'x\n1\nAAAA\n', '\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', 'x\n1\n']) {
      expect(() => parseCheckpoint(bad)).toThrow(MalformedNote);
    }
  });

  it('cosigns with a timestamp under key type 0x04 and verifies it as a note signature', () => {
    const log = parseSignerKey(PETER_SKEY);
    const witness = cosigner('wa.example/witness', randomBytes(32));
    const text = formatCheckpoint(checkpoint);
    const signed = signNote(text, log);
    const line = cosign(witness, text, 1679315147);
    const wkey = parseVerifierKey(verifierKeyOf(witness));
    expect(wkey.alg).toBe(ALG_COSIGNATURE_V1);
    const opened = openNote(signed + line, [parseVerifierKey(PETER_VKEY), wkey]);
    expect(opened.verified.map((s) => [s.name, s.timestamp])).toEqual([
      ['PeterNeumann', undefined],
      ['wa.example/witness', 1679315147],
    ]);
    // The signature covers the timestamp: another time does not verify.
    const bytes = Buffer.from(line.split(' ')[2].trim(), 'base64');
    bytes.writeBigUInt64BE(1679315148n, 4);
    expect(() => openNote(`${signed}\u2014 wa.example/witness ${bytes.toString('base64')}\n`, [wkey])).toThrow(NoteVerificationError);
    // A cosignature is not a note signature: the same key as type 0x01 has another key ID.
    expect(verifierKeyOf(witness).split('+')[1]).not.toBe(verifierKeyOf({ ...witness, alg: 0x01 }).split('+')[1]);
  });
});
