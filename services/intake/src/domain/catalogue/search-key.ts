/**
 * The form names are searched and sorted in: Vietnamese without its marks, lower case, single
 * spaces ("Cấp Phiếu lý lịch tư pháp" → "cap phieu ly lich tu phap"), so an applicant typing on a
 * keyboard without a Vietnamese layout still finds the procedure. Computed here rather than by
 * PostgreSQL's `unaccent`, which is an extension a managed database may not offer; `đ` has no
 * decomposition in Unicode and is mapped by hand.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const BASE_LETTERS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/**
 * Every precomposed Vietnamese letter and what searchKey makes of it: lets a migration fill the
 * key of rows written before it existed with SQL `translate`, which needs no extension. Upper case
 * is mapped too, as `lower()` leaves non-ASCII letters alone under the C locale.
 */
export function vietnameseLetterMap(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (const base of [...BASE_LETTERS, ...BASE_LETTERS.toUpperCase()]) {
    for (const tone of TONES) {
      const letter = (base + tone).normalize('NFC');
      if (letter.length !== 1 || /[A-Za-z]/.test(letter)) continue;
      from += letter;
      to += searchKey(letter);
    }
  }
  return { from: from + 'đĐ', to: to + 'dd' };
}
