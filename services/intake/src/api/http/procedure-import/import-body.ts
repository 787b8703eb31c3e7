import { ValidationFailedError } from '@motcua/platform';
import type { CheckedRow, RowError } from '../../../application/import-procedures/import-procedures.command';
import { checkRows, jsonRows } from './import-rows';
import { readProcedureCsv } from './procedure-csv';

/** Enough for the province's whole catalogue several times over, in one transaction. */
export const MAX_IMPORT_ROWS = 20_000;

/** An import body (a JSON array, or CSV text) as checked rows and the problems of the others. */
export function readImportBody(body: unknown): { rows: CheckedRow[]; rejected: RowError[] } {
  if (typeof body !== 'string' && !Array.isArray(body)) {
    throw new ValidationFailedError([{ field: 'body', message: 'must be a JSON array of procedure definitions, or text/csv' }]);
  }
  const read = typeof body === 'string' ? readProcedureCsv(body) : { rows: jsonRows(body), errors: [] };
  if (read.rows.length === 0 && read.errors.length === 0) throw new ValidationFailedError([{ field: 'body', message: 'has no rows to import' }]);
  if (read.rows.length > MAX_IMPORT_ROWS) throw new ValidationFailedError([{ field: 'body', message: `has more than ${MAX_IMPORT_ROWS} rows: split the import` }]);
  const { valid, errors } = checkRows(read.rows);
  return { rows: valid, rejected: [...read.errors, ...errors] };
}
