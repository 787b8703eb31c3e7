import { KeyCipher } from './key-cipher';

const secret = 'a-signing-key-secret-of-at-least-32-chars';
const plain = Buffer.from('private key bytes');

describe('signing keys sealed at rest', () => {
  it('opens what it sealed, and the sealed form does not show the key', () => {
    const cipher = new KeyCipher(secret);
    const sealed = cipher.seal(plain, 'key-1');
    expect(sealed.includes(plain)).toBe(false);
    expect(new KeyCipher(secret).open(sealed, 'key-1')).toEqual(plain);
  });

  it('refuses another secret, another key id, or an altered byte', () => {
    const sealed = new KeyCipher(secret).seal(plain, 'key-1');
    expect(() => new KeyCipher(`${secret}-other`).open(sealed, 'key-1')).toThrow();
    expect(() => new KeyCipher(secret).open(sealed, 'key-2')).toThrow();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    expect(() => new KeyCipher(secret).open(altered, 'key-1')).toThrow();
  });

  it('refuses a short secret', () => {
    expect(() => new KeyCipher('short')).toThrow(RangeError);
  });
});
