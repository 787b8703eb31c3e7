import { searchKey, vietnameseLetterMap } from './search-key';

describe('searchKey', () => {
  it.each([
    ['Cấp Phiếu lý lịch tư pháp', 'cap phieu ly lich tu phap'],
    ['ĐĂNG KÝ KHAI SINH', 'dang ky khai sinh'],
    ['Đổi  giấy phép\tlái xe ', 'doi giay phep lai xe'],
    ['Thẩm định, phê duyệt đồ án quy hoạch', 'tham dinh, phe duyet do an quy hoach'],
    ['cap phieu ly lich tu phap', 'cap phieu ly lich tu phap'],
  ])('makes %j %j', (text, key) => {
    expect(searchKey(text)).toBe(key);
  });

  it('gives the same key to precomposed and decomposed spellings', () => {
    const name = 'Chứng thực bản sao từ bản chính';
    expect(searchKey(name.normalize('NFD'))).toBe(searchKey(name.normalize('NFC')));
  });
});

describe('vietnameseLetterMap', () => {
  it('maps each of the 66 marked vowels (12 vowels, 6 tones, less the 6 plain ones) of each case, and đ, to searchKey of the letter', () => {
    const { from, to } = vietnameseLetterMap();
    expect([...from]).toHaveLength(2 * 66 + 2);
    expect([...from].length).toBe([...to].length);
    expect([...from].every((letter, i) => searchKey(letter) === to[i])).toBe(true);
    expect(new Set(to)).toEqual(new Set('aeiouyd'));
  });
});
