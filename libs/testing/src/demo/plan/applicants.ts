import type { PlannedApplicant } from './dossier-plan';
import type { Random } from './random';

const FAMILY = ['Nguyễn', 'Lê', 'Trần', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Lương', 'Trịnh', 'Mai', 'Hà', 'Lường', 'Đinh'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Ngọc', 'Quang', 'Hữu', 'Thanh', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Trang', 'Tuấn', 'Yến'];
const TRADE = ['Thương mại Sầm Sơn', 'Xây dựng Lam Sơn', 'Nông sản Thọ Xuân', 'Vận tải Bỉm Sơn', 'Dịch vụ Hàm Rồng', 'Thủy sản Nghi Sơn', 'Cơ khí Đông Sơn'];

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** A ten-digit tax code of Thanh Hóa's tax department (28…) with its check digit; a serial with none issuable takes the next variant. */
function taxCode(serial: number): string {
  for (let variant = 0; ; variant++) {
    const body = `28${variant % 10}${String(serial % 1_000_000).padStart(6, '0')}`;
    const check = 10 - (TAX_WEIGHTS.reduce((sum, w, i) => sum + w * Number(body[i]), 0) % 11);
    if (check < 10) return `${body}${check}`;
  }
}

const digits = (random: Random, count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('');

/**
 * Applicants that look like Thanh Hóa's: citizen IDs with the province's code 038 and tax codes
 * of its tax department (28…), Vietnamese names. Invented from the seed, never printed or logged.
 */
export function newApplicant(random: Random, serial: number): PlannedApplicant {
  if (random.chance(0.12)) {
    // The serial keeps identifiers unique, so one applicant's repository is theirs alone.
    return { kind: 'ORGANISATION', identifier: taxCode(serial), fullName: `Công ty TNHH ${random.pick(TRADE)} ${random.int(1, 99)}` };
  }
  const century = random.chance(0.5) ? random.pick(['0', '1']) : random.pick(['2', '3']);
  const year = String(random.int(century < '2' ? 50 : 0, century < '2' ? 99 : 6)).padStart(2, '0');
  const identifier = `038${century}${year}${String(serial % 1_000_000).padStart(6, '0')}`;
  return { kind: 'INDIVIDUAL', identifier: identifier.length === 12 ? identifier : `038${century}${year}${digits(random, 6)}`, fullName: `${random.pick(FAMILY)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}` };
}
