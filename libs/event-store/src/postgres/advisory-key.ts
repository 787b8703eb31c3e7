import { createHash } from 'node:crypto';

/**
 * A PostgreSQL advisory-lock key (signed 64-bit, as a decimal string for a `bigint` parameter)
 * from its parts. SHA-256 rather than hashtext: 32-bit keys collide between unrelated locks.
 */
export function advisoryKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest().readBigInt64BE(0).toString();
}
