import { acceptedMediaType, sniffMediaType } from './media-type';

const pdf = Buffer.from('%PDF-1.7\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]);
const tiff = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00]);

describe('media types told from the content', () => {
  it('recognises PDF, JPEG, PNG and TIFF by their first bytes, and nothing else', () => {
    expect([pdf, png, jpeg, tiff].map(sniffMediaType)).toEqual(['application/pdf', 'image/png', 'image/jpeg', 'image/tiff']);
    expect(sniffMediaType(Buffer.from('MZ\x90\x00 an executable'))).toBeUndefined();
    expect(sniffMediaType(Buffer.from('%PD'))).toBeUndefined();
  });

  it('takes the content type when the client declares none or octet-stream, or the same (aliases included)', () => {
    expect(acceptedMediaType(pdf, undefined)).toBe('application/pdf');
    expect(acceptedMediaType(pdf, 'application/octet-stream')).toBe('application/pdf');
    expect(acceptedMediaType(jpeg, 'image/jpg')).toBe('image/jpeg');
    expect(acceptedMediaType(png, 'IMAGE/PNG; charset=binary')).toBe('image/png');
  });

  it('refuses content that contradicts the declared type, and a declared type the content does not bear out', () => {
    expect(acceptedMediaType(pdf, 'image/png')).toBeUndefined();
    expect(acceptedMediaType(Buffer.from('<html>'), 'application/pdf')).toBeUndefined();
  });
});
