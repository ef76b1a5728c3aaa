/**
 * Fast 32-bit hashing for MinHash: FNV-1a over a string's UTF-16 code units, and murmur3's
 * finaliser to spread bits. Everything stays in unsigned 32-bit integers (Math.imul, >>> 0), so
 * there are no allocations or BigInts in the hot loop.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3 fmix32: a bijection on 32-bit integers with full avalanche. */
export function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Combines hashes in order ("a b c" differs from "c b a"). */
export function combine32(seed: number, value: number): number {
  return mix32(Math.imul(seed ^ value, 0x9e3779b1) + 0x7f4a7c15);
}
