import { createHash, randomBytes } from 'node:crypto';
import { nodeHashInto } from './node-hash';

const reference = (left: Buffer, right: Buffer): Buffer => createHash('sha256').update(Buffer.of(0x01)).update(left).update(right).digest();

describe('the verifier’s in-place node hash', () => {
  it('is SHA-256(0x01 || left || right) for random hashes, at any offsets', () => {
    for (let i = 0; i < 500; i++) {
      const bytes = randomBytes(160);
      const left = i % 40;
      const right = 64 + (i % 64);
      const expected = reference(bytes.subarray(left, left + 32), bytes.subarray(right, right + 32));
      nodeHashInto(bytes, left, right, 0);
      expect(bytes.subarray(0, 32)).toEqual(expected);
    }
  });

  it('may write its digest over either input', () => {
    const bytes = Buffer.concat([Buffer.alloc(32, 0xff), Buffer.alloc(32, 0x00)]);
    const expected = reference(bytes.subarray(0, 32), bytes.subarray(32, 64));
    nodeHashInto(bytes, 0, 32, 0);
    expect(bytes.subarray(0, 32)).toEqual(expected);
    const again = Buffer.concat([Buffer.alloc(32, 0x80), Buffer.alloc(32, 0x7f)]);
    const expectedAgain = reference(again.subarray(0, 32), again.subarray(32, 64));
    nodeHashInto(again, 0, 32, 32);
    expect(again.subarray(32, 64)).toEqual(expectedAgain);
  });
});
