/**
 * A MinHash signature as bytes for storage (feedback_analysis.minhash): each uint32 little-endian,
 * whatever the machine, so a signature written on one host reads the same on another.
 */
export function signatureToBytes(signature: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < signature.length; index++)
    view.setUint32(index * 4, signature[index]!, true);
  return bytes;
}

/** The signature stored by `signatureToBytes`; throws on a length that is not whole uint32s. */
export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  if (bytes.byteLength % 4 !== 0)
    throw new Error(`a stored signature of ${bytes.byteLength} bytes is not whole uint32s`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = new Uint32Array(bytes.byteLength / 4);
  for (let index = 0; index < signature.length; index++)
    signature[index] = view.getUint32(index * 4, true);
  return signature;
}
