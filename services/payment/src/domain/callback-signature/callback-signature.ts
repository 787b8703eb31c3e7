import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureVerdict = { valid: true; timestamp: number } | { valid: false; reason: 'MISSING' | 'MALFORMED' | 'STALE' | 'MISMATCH' };

export interface SignatureSettings {
  /** Every secret in force; during a rotation the old and the new are both here. */
  secrets: readonly string[];
  toleranceSeconds: number;
  /** Real time in seconds: the platform signs with its wall clock, whatever the domain clock says. */
  nowSeconds: number;
}

/** `Payment-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`: HMAC-SHA256 over `${t}.${raw body}`. */
export function signPayload(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/**
 * Checks a callback's signature header against the exact bytes received. The timestamp is signed,
 * so a replayed body cannot be given a fresh one; a request outside the tolerance is refused even
 * with a good signature. Every pair of (secret, v1) is compared in constant time, whichever matches.
 */
export function verifySignature(header: string | undefined, rawBody: Buffer | undefined, settings: SignatureSettings): SignatureVerdict {
  if (!header || !rawBody) return { valid: false, reason: 'MISSING' };
  const parsed = parseHeader(header);
  if (!parsed) return { valid: false, reason: 'MALFORMED' };
  const { timestamp, signatures } = parsed;
  if (Math.abs(settings.nowSeconds - timestamp) > settings.toleranceSeconds) return { valid: false, reason: 'STALE' };
  let matched = false;
  for (const secret of settings.secrets) {
    const expected = Buffer.from(signPayload(secret, timestamp, rawBody), 'hex');
    for (const candidate of signatures) {
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
    }
  }
  return matched ? { valid: true, timestamp } : { valid: false, reason: 'MISMATCH' };
}

function parseHeader(header: string): { timestamp: number; signatures: Buffer[] } | undefined {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (value === undefined || rest.length > 0) return undefined;
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Other schemes (v0, a future v2) are skipped, as a receiver should.
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}
