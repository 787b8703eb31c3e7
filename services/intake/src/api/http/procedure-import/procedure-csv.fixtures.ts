import { CSV_COLUMNS } from './procedure-csv';

export const CSV_HEADER = CSV_COLUMNS.join(',');

/** One CSV line of a valid procedure (sample values); `cells` replaces columns by name. */
export function csvLine(code: string, cells: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {}): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string> = {
    code,
    name: `"Cấp giấy phép, mẫu ${code}"`,
    field: 'Công Thương',
    level: 'PROVINCE',
    serviceLevel: 'PARTIAL',
    processingTimeValue: '15',
    processingTimeUnit: 'WORKING_DAYS',
    documents: 'form|Đơn đề nghị;mandate?|Giấy ủy quyền',
    fees: 'GP|CHARGE|1200000|DISCOUNT_PERCENT=50|Lệ phí cấp giấy phép',
    payFirst: 'true',
    eResultAllowed: 'true',
    returnsDocument: 'true',
    refundRule: 'FULL_ON_WITHDRAWAL',
    agencies: '',
    units: 'H56;H56.10',
    effectiveFrom: '2025-07-01',
    sample: 'true',
    ...cells,
  };
  return CSV_COLUMNS.map((column) => values[column]).join(',');
}
