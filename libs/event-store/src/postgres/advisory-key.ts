import { createHash } from 'node:crypto';

/**
 * A PostgreSQL advisory lock key (signed 64-bit, as text for a `$1::bigint` parameter) from the
 * parts that name what is locked. Include the schema among the parts: services share one
 * database, and a key without it would make one service's lock block another's. SHA-256 keeps
 * keys apart where hashtext's 32 bits collide once a few tens of thousands are in use.
 */
export function advisoryKey(...parts: string[]): string {
  if (parts.length === 0) throw new Error('an advisory key needs at least one part');
  // Length-prefixed so that ('ab', 'c') and ('a', 'bc') differ.
  const digest = createHash('sha256')
    .update(parts.map((part) => `${part.length}:${part}`).join('|'))
    .digest();
  return digest.readBigInt64BE(0).toString();
}
