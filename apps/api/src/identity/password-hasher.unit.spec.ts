import { DUMMY_HASH, hashPassword, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  it('verifies the password it hashed, and nothing else', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).not.toContain('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password twice')).not.toEqual(await hashPassword('same password twice'));
  });

  it('checks unknown users against a hash of the same cost, so both failures take as long', async () => {
    const params = (encoded: string) => encoded.split('$').slice(0, 4).join('$');
    expect(params(DUMMY_HASH)).toBe(params(await hashPassword('anything at all')));
    expect(await verifyPassword('anything at all', DUMMY_HASH)).toBe(false);
  });
});
