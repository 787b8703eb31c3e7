import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@motcua/testing';
import { items, readProcedureCsv } from './procedure-csv';
import { CSV_HEADER, csvLine } from './procedure-csv.fixtures';
import { checkRows } from './import-rows';

describe('catalogue CSV', () => {
  it('maps a row to the JSON request: nested lists, optional documents, online rules, a date meaning midnight in Vietnam', () => {
    const { rows, errors } = readProcedureCsv([CSV_HEADER, csvLine('X.1')].join('\n'));
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        value: expect.objectContaining({
          code: 'X.1',
          name: 'Cấp giấy phép, mẫu X.1',
          processingTime: { value: 15, unit: 'WORKING_DAYS' },
          requiredDocuments: [{ id: 'form', name: 'Đơn đề nghị', required: true }, { id: 'mandate', name: 'Giấy ủy quyền', required: false }],
          fees: [{ code: 'GP', kind: 'CHARGE', amount: 1_200_000, online: { rule: 'DISCOUNT_PERCENT', percent: 50 }, name: 'Lệ phí cấp giấy phép' }],
          payFirst: true,
          agencies: [],
          units: ['H56', 'H56.10'],
          effectiveFrom: '2025-07-01T00:00:00+07:00',
          sample: true,
        }),
      },
    ]);
    const { valid } = checkRows(rows);
    expect(valid[0].definition).toMatchObject({ effectiveFrom: '2025-06-30T17:00:00.000Z', fees: [{ online: { rule: 'DISCOUNT_PERCENT', percent: 50 } }] });
  });

  it('numbers rows by the line they start on, past blank lines and quoted line breaks', () => {
    const text = [CSV_HEADER, csvLine('A'), '', csvLine('B', { name: '"Hai\ndòng"' }), csvLine('C'), '\r'].join('\r\n');
    expect(readProcedureCsv(text).rows.map((r) => [r.line, (r.value as { code: string }).code])).toEqual([
      [2, 'A'],
      [4, 'B'],
      [6, 'C'],
    ]);
  });

  it('names unknown, missing and repeated columns on line 1', () => {
    const { rows, errors } = readProcedureCsv(`${CSV_HEADER.replace('fees', 'fee')},code\n${csvLine('A')}`);
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.line, e.field, e.message.split(' (')[0]])).toEqual([
      [1, 'fee', 'unknown column'],
      [1, 'fees', 'column missing'],
      [1, 'code', 'column repeated'],
    ]);
  });

  it('reports a row with the wrong number of cells, and unreadable CSV, by line', () => {
    expect(readProcedureCsv(`${CSV_HEADER}\n${csvLine('A')}\nB,too,short`).errors).toEqual([{ line: 3, field: 'csv', message: 'has 3 cells; the header has 17' }]);
    expect(readProcedureCsv(`${CSV_HEADER}\n${csvLine('A')}\n${csvLine('B', { name: '"unclosed' })}`).errors[0]).toMatchObject({ field: 'csv' });
  });

  it('passes cells that do not convert on as written, so the field check names them', () => {
    const { rows } = readProcedureCsv(`${CSV_HEADER}\n${csvLine('A', { fees: 'GP|CHARGE|1.200.000|FREE|Lệ phí', payFirst: 'yes', effectiveFrom: '1/7/2025' })}`);
    const { errors } = checkRows(rows);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'fees.0.amount'],
      [2, 'fees.0.online.rule'],
      [2, 'payFirst'],
      [2, 'effectiveFrom'],
    ]);
  });

  it('splits cells into items and parts, with backslash escapes', () => {
    expect(items('a|b; c |d\\;e ;;')).toEqual([['a', 'b'], ['c', 'd;e']]);
    expect(items('x\\|y|z\\\\')).toEqual([['x|y', 'z\\']]);
    expect(items('')).toEqual([]);
  });

  it('reads the example of docs/catalogue-import.md as it says', () => {
    const doc = readFileSync(join(workspaceRoot(), 'docs', 'catalogue-import.md'), 'utf8');
    const example = /```csv\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const { rows, errors } = readProcedureCsv(example);
    expect(errors).toEqual([]);
    const checked = checkRows(rows);
    expect(checked.errors).toEqual([]);
    expect(checked.valid.map((r) => [r.line, r.definition.code, r.definition.processingTime.value])).toEqual([
      [2, '1.001612', 10],
      [3, 'SAMPLE.HT.01', 8],
      [4, 'SAMPLE.HT.01', 4],
    ]);
  });
});
