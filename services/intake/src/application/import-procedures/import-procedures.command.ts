import type { FieldError } from '@motcua/platform/errors';
import { DomainError } from '@motcua/platform/errors';
import type { ProcedureDefinition } from '../../domain/catalogue/procedure.decider';

/** A problem of one row: the CSV line it starts on, or its index + 1 in a JSON array. */
export interface RowError extends FieldError {
  line: number;
}

export interface CheckedRow {
  line: number;
  definition: ProcedureDefinition;
}

/** Rows that passed the request checks, and the problems of those that did not (they still refuse the import). */
export class ImportProcedures {
  constructor(
    readonly rows: CheckedRow[],
    readonly rejected: RowError[],
  ) {}
}

export interface ImportResult {
  rows: number;
  /** Versions added: one per row. */
  added: number;
}

/** Nothing of an import is written unless every row is good; the answer lists every problem by line. */
export class ImportRejectedError extends DomainError {
  constructor(errors: RowError[]) {
    const sorted = [...errors].sort((a, b) => a.line - b.line);
    const lines = new Set(sorted.map((e) => e.line)).size;
    super('CATALOGUE.IMPORT_REJECTED', 'RULE', `${lines} row(s) have problems; nothing was imported`, sorted);
  }
}
