import { checkNote, COSIGNATURE_V1, ED25519, NoteError, parseVerifierKey, splitNote } from './note';
import { testSigner } from './testing/test-log';

// The example of c2sp.org/signed-note, and the one of golang.org/x/mod/sumdb/note's documentation.
const SPEC_KEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const SPEC_NOTE = 'This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
const GO_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_NOTE =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n" +
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

describe('C2SP signed notes, checked in the browser', () => {
  it.each([
    ['the C2SP signed-note spec', SPEC_KEY, SPEC_NOTE, 'This is an example message.\n'],
    ['Go sumdb/note', GO_KEY, GO_NOTE, "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"],
  ])('verifies the published example of %s', async (_where, key, note, text) => {
    const verifier = await parseVerifierKey(key);
    expect(verifier.type).toBe(ED25519);
    const opened = await checkNote(note, [verifier]);
    expect(opened.text).toBe(text);
    expect(opened.checked.map((c) => [c.key.name, c.valid])).toEqual([[verifier.name, true]]);
  });

  it('refuses the published example once its text is changed', async () => {
    const opened = await checkNote(SPEC_NOTE.replace('example message', 'exemplary message'), [await parseVerifierKey(SPEC_KEY)]);
    expect(opened.checked.map((c) => c.valid)).toEqual([false]);
  });

  it('ignores a signature by a key it does not trust', async () => {
    const opened = await checkNote(GO_NOTE, [await parseVerifierKey(SPEC_KEY)]);
    expect(opened.checked).toEqual([]);
  });

  it('refuses a verifier key whose key ID is not its own, or is malformed', async () => {
    await expect(parseVerifierKey(SPEC_KEY.replace('530d903a', '530d903b'))).rejects.toThrow(NoteError);
    await expect(parseVerifierKey(SPEC_KEY.replace('example.com/foo', 'example.com/bar'))).rejects.toThrow('does not match');
    await expect(parseVerifierKey('example.com/foo+530d903a')).rejects.toThrow(NoteError);
    await expect(parseVerifierKey(SPEC_KEY.slice(0, -4))).rejects.toThrow(NoteError);
  });

  it('refuses notes without the blank line, or with a malformed signature line', () => {
    expect(() => splitNote('text\n\u2014 example.com/foo AAAA\n')).toThrow(NoteError);
    expect(() => splitNote('text\n\n- example.com/foo Uw2QOkn8\n')).toThrow(NoteError);
    expect(() => splitNote('text\n\n\u2014 example.com/foo AAAA')).toThrow(NoteError);
  });

  it('verifies a tlog-cosignature v1 and reads its time; refuses it over another body', async () => {
    const witness = await testSigner('wa.example/witness', COSIGNATURE_V1);
    const body = 'log.example/a\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';
    const key = await parseVerifierKey(witness.verifierKey);
    const note = `${body}\n${await witness.line(body, 1_764_812_345)}`;
    expect((await checkNote(note, [key])).checked.map((c) => [c.valid, c.timestamp])).toEqual([[true, 1_764_812_345]]);
    expect((await checkNote(note.replace('\n5\n', '\n6\n'), [key])).checked.map((c) => c.valid)).toEqual([false]);
  });
});
