import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationFieldErrors } from '@motcua/platform';
import type { FieldError } from '@motcua/platform/errors';
import { definitionProblems } from '../../../domain/catalogue/catalogue.rules';
import type { ProcedureDefinition } from '../../../domain/catalogue/procedure.decider';
import type { CheckedRow, RowError } from '../../../application/import-procedures/import-procedures.command';
import { toDefinition } from '../procedure-definition.mapping';
import { ProcedureDefinitionRequest } from '../procedure-definition.request';

/** A row as read: the CSV line it starts on, or its index + 1 in a JSON array. */
export interface ImportRow {
  line: number;
  value: unknown;
}

/** Each JSON element is a row; its line is its position, counted from 1. */
export function jsonRows(body: unknown[]): ImportRow[] {
  return body.map((value, i) => ({ line: i + 1, value }));
}

/**
 * Checks every row as POST /procedures checks one request (same DTO), then the definition's own
 * rules. Every bad field of every row is kept, with its first problem only (thousands of rows
 * with three messages per field would bury the answer): an import is refused whole.
 */
export function checkRows(rows: ImportRow[]): { valid: CheckedRow[]; errors: RowError[] } {
  const valid: CheckedRow[] = [];
  const errors: RowError[] = [];
  for (const { line, value } of rows) {
    const problems = checkRow(value);
    if ('definition' in problems) valid.push({ line, definition: problems.definition });
    else errors.push(...problems.errors.map((error) => ({ line, ...error })));
  }
  return { valid, errors };
}

function checkRow(value: unknown): { definition: ProcedureDefinition } | { errors: FieldError[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { errors: [{ field: 'row', message: 'must be an object' }] };
  const request = plainToInstance(ProcedureDefinitionRequest, value);
  const shape = validationFieldErrors(validateSync(request, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true, validationError: { target: false, value: false } }));
  if (shape.length > 0) return { errors: shape };
  const definition = toDefinition(request);
  const rules = definitionProblems(definition);
  return rules.length > 0 ? { errors: rules } : { definition };
}
