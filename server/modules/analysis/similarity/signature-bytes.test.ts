import { describe, expect, it } from 'vitest';
import { textSignature } from './minhash.ts';
import { signatureFromBytes, signatureToBytes } from './signature-bytes.ts';

describe('signature bytes', () => {
  it('round-trips a real signature, high bits included', () => {
    const signature = textSignature('The invoice PDF shows the wrong VAT number for our entity')!;
    const bytes = signatureToBytes(signature);
    expect(bytes.byteLength).toBe(signature.length * 4);
    expect(signatureFromBytes(bytes)).toEqual(signature);
    const extremes = Uint32Array.from([0, 1, 0x7fffffff, 0x80000000, 0xffffffff]);
    expect(signatureFromBytes(signatureToBytes(extremes))).toEqual(extremes);
  });

  it('writes little-endian and reads from a view into a larger buffer (as drivers return)', () => {
    expect([...signatureToBytes(Uint32Array.from([0x01020304]))]).toEqual([4, 3, 2, 1]);
    const backing = new Uint8Array(12);
    backing.set([9, 9, 9, 9, 4, 3, 2, 1, 8, 7, 6, 5]);
    expect([...signatureFromBytes(backing.subarray(4))]).toEqual([0x01020304, 0x05060708]);
  });

  it('refuses bytes that are not whole uint32s', () => {
    expect(() => signatureFromBytes(new Uint8Array(7))).toThrow(/not whole uint32s/);
  });
});
