import { createHmac } from 'node:crypto';

/**
 * The applicant as every service sees them: a keyed HMAC-SHA256 of the kind and the identifier.
 * Without the key the reference cannot be reversed or guessed from a list of ID numbers; with it,
 * intake gives the same applicant the same reference across dossiers, and digitisation finds
 * their repository from an identifier a portal presents (reuse) without ever storing it.
 */
export function applicantRef(kind: 'INDIVIDUAL' | 'ORGANISATION', identifier: string, key: string | Buffer): string {
  if (key.length < 32) throw new RangeError('the applicant reference key must be at least 32 bytes');
  return createHmac('sha256', key).update(`${kind}:${identifier.trim()}`, 'utf8').digest('hex');
}
