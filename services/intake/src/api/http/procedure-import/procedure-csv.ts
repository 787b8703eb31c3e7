import { parse } from 'csv-parse/sync';
import type { RowError } from '../../../application/import-procedures/import-procedures.command';
import type { ImportRow } from './import-rows';

/** The columns of a catalogue CSV (docs/catalogue-import.md); `sample` may be left out. */
export const CSV_COLUMNS = [
  'code', 'name', 'field', 'level', 'serviceLevel', 'processingTimeValue', 'processingTimeUnit', 'documents', 'fees',
  'payFirst', 'eResultAllowed', 'returnsDocument', 'refundRule', 'agencies', 'units', 'effectiveFrom', 'sample',
] as const;
const OPTIONAL_COLUMNS = new Set<string>(['sample']);

/**
 * Reads a CSV with a header line into plain rows shaped like the JSON request, each with the
 * line it starts on. Nested parts live in one cell each: items separated by `;`, an item's parts
 * by `|`, `\` escaping either. Cells that do not convert (a word where a number belongs) are
 * passed on as written, so the request's own validation names the field.
 */
export function readProcedureCsv(text: string): { rows: ImportRow[]; errors: RowError[] } {
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ line, field: 'csv', message: `not readable as CSV: ${(error as Error).message.replace(/^Invalid [^:]*: /, '')}` }] };
  }
  if (records.length === 0) return { rows: [], errors: [{ line: 1, field: 'csv', message: 'no header line' }] };
  const [header, ...body] = records;
  const columns = header.record;
  const headerErrors = checkHeader(columns, header.info.lines);
  if (headerErrors.length > 0) return { rows: [], errors: headerErrors };

  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  let previous = header.info;
  for (const { record, info } of body) {
    // The line a record starts on: after the previous record and any blank lines skipped since.
    const line = previous.lines + (info.empty_lines - previous.empty_lines) + 1;
    previous = info;
    if (record.length !== columns.length) errors.push({ line, field: 'csv', message: `has ${record.length} cells; the header has ${columns.length}` });
    else rows.push({ line, value: toRequest(Object.fromEntries(columns.map((c, i) => [c, record[i]]))) });
  }
  return { rows, errors };
}

function checkHeader(columns: string[], line: number): RowError[] {
  const known = new Set<string>(CSV_COLUMNS);
  const errors: RowError[] = columns.filter((c) => !known.has(c)).map((c) => ({ line, field: c, message: `unknown column (expected: ${CSV_COLUMNS.join(', ')})` }));
  for (const column of CSV_COLUMNS) if (!OPTIONAL_COLUMNS.has(column) && !columns.includes(column)) errors.push({ line, field: column, message: 'column missing' });
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  for (const column of new Set(repeated)) errors.push({ line, field: column, message: 'column repeated' });
  return errors;
}

/** One record as the JSON request it stands for. */
export function toRequest(cells: Record<string, string>): Record<string, unknown> {
  return {
    code: cells['code'],
    name: cells['name'],
    field: cells['field'],
    level: cells['level'],
    serviceLevel: cells['serviceLevel'],
    processingTime: { value: number(cells['processingTimeValue']), unit: cells['processingTimeUnit'] },
    requiredDocuments: items(cells['documents']).map(([id = '', name]) => (id.endsWith('?') ? { id: id.slice(0, -1), name, required: false } : { id, name, required: true })),
    fees: items(cells['fees']).map(([code, kind, amount, online = '', name]) => ({ code, kind, amount: number(amount), online: onlineRule(online), name })),
    payFirst: boolean(cells['payFirst']),
    eResultAllowed: boolean(cells['eResultAllowed']),
    returnsDocument: boolean(cells['returnsDocument']),
    refundRule: cells['refundRule'],
    agencies: items(cells['agencies']).map((parts) => parts.join('|')),
    units: items(cells['units']).map((parts) => parts.join('|')),
    effectiveFrom: instant(cells['effectiveFrom']),
    ...(cells['sample'] ? { sample: boolean(cells['sample']) } : {}),
  };
}

/** `NONE`, `EXEMPT`, `DISCOUNT_PERCENT=15`, `FIXED_AMOUNT=50000`. */
function onlineRule(cell: string): Record<string, unknown> {
  const [rule, value] = cell.split('=', 2).map((s) => s.trim());
  if (rule === 'DISCOUNT_PERCENT') return { rule, percent: number(value) };
  if (rule === 'FIXED_AMOUNT') return { rule, amount: number(value) };
  return value === undefined ? { rule } : { rule, value };
}

/** Splits a cell into items (`;`) and their parts (`|`); `\;`, `\|` and `\\` stand for themselves. */
export function items(cell: string | undefined): string[][] {
  const result: string[][] = [];
  let parts: string[] = [];
  let current = '';
  const text = cell ?? '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
    } else if (c === '|') {
      parts.push(current.trim());
      current = '';
    } else if (c === ';') {
      result.push([...parts, current.trim()]);
      parts = [];
      current = '';
    } else {
      current += c;
    }
  }
  if (parts.length > 0 || current.trim() !== '') result.push([...parts, current.trim()]);
  return result.filter((item) => item.some((part) => part !== ''));
}

function number(cell: string | undefined): number | string | undefined {
  return cell !== undefined && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell || undefined;
}

function boolean(cell: string | undefined): boolean | string | undefined {
  const lower = cell?.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : cell || undefined;
}

/** A date alone means midnight in Vietnam, the catalogue's time zone. */
function instant(cell: string | undefined): string | undefined {
  return cell && /^\d{4}-\d{2}-\d{2}$/.test(cell) ? `${cell}T00:00:00+07:00` : cell || undefined;
}
