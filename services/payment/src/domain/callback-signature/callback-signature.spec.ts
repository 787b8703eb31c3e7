import { signPayload, verifySignature } from './callback-signature';

const oldSecret = 'whsec_old_0123456789abcdef0123456789abcdef';
const newSecret = 'whsec_new_fedcba9876543210fedcba9876543210';
const body = Buffer.from('{"id":"evt_1","type":"checkout.succeeded","data":{"amount":200000}}');
const t = 1_760_000_000;
const header = (secret: string, timestamp = t, payload: Buffer = body) => `t=${timestamp},v1=${signPayload(secret, timestamp, payload)}`;
const settings = (secrets: string[], nowSeconds = t, toleranceSeconds = 300) => ({ secrets, nowSeconds, toleranceSeconds });

describe('callback signature', () => {
  it('accepts the signature over the timestamp and the exact body', () => {
    expect(verifySignature(header(newSecret), body, settings([newSecret]))).toEqual({ valid: true, timestamp: t });
  });

  it('refuses a changed body, another secret, a changed timestamp and a truncated signature', () => {
    expect(verifySignature(header(newSecret), Buffer.from(body.toString().replace('200000', '2000')), settings([newSecret]))).toEqual({ valid: false, reason: 'MISMATCH' });
    expect(verifySignature(header('whsec_someone_else_0123456789abcdef0123'), body, settings([newSecret]))).toEqual({ valid: false, reason: 'MISMATCH' });
    const moved = header(newSecret).replace(`t=${t}`, `t=${t + 1}`);
    expect(verifySignature(moved, body, settings([newSecret]))).toEqual({ valid: false, reason: 'MISMATCH' });
    expect(verifySignature(header(newSecret).slice(0, -2), body, settings([newSecret]))).toEqual({ valid: false, reason: 'MALFORMED' });
  });

  it('accepts either secret while a rotation has both in force, and only the new one after', () => {
    const during = settings([newSecret, oldSecret]);
    expect(verifySignature(header(oldSecret), body, during).valid).toBe(true);
    expect(verifySignature(header(newSecret), body, during).valid).toBe(true);
    expect(verifySignature(header(oldSecret), body, settings([newSecret]))).toEqual({ valid: false, reason: 'MISMATCH' });
  });

  it('accepts a header carrying several v1 signatures when one of them matches', () => {
    const both = `t=${t},v1=${signPayload(oldSecret, t, body)},v1=${signPayload(newSecret, t, body)}`;
    expect(verifySignature(both, body, settings([newSecret])).valid).toBe(true);
    expect(verifySignature(`${both},v0=deadbeef`, body, settings([newSecret])).valid).toBe(true);
  });

  it('refuses a timestamp outside the tolerance either way, and accepts one at its edge', () => {
    expect(verifySignature(header(newSecret), body, settings([newSecret], t + 300)).valid).toBe(true);
    expect(verifySignature(header(newSecret), body, settings([newSecret], t + 301))).toEqual({ valid: false, reason: 'STALE' });
    expect(verifySignature(header(newSecret), body, settings([newSecret], t - 301))).toEqual({ valid: false, reason: 'STALE' });
    expect(verifySignature(header(newSecret), body, settings([newSecret], t + 1000, 3600)).valid).toBe(true);
  });

  it('refuses a missing header or body and a header without t or v1', () => {
    expect(verifySignature(undefined, body, settings([newSecret]))).toEqual({ valid: false, reason: 'MISSING' });
    expect(verifySignature(header(newSecret), undefined, settings([newSecret]))).toEqual({ valid: false, reason: 'MISSING' });
    expect(verifySignature(`v1=${signPayload(newSecret, t, body)}`, body, settings([newSecret]))).toEqual({ valid: false, reason: 'MALFORMED' });
    expect(verifySignature(`t=${t}`, body, settings([newSecret]))).toEqual({ valid: false, reason: 'MALFORMED' });
  });
});
