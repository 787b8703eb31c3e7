import type { QueryRunner } from 'typeorm';
import { checkedSchema } from '../projections-schema';

/** The schema a data source migrates: the live `projections`, or a fresh one being rebuilt. */
export function schemaOf(queryRunner: QueryRunner): string {
  return checkedSchema((queryRunner.connection.options as { schema?: string }).schema ?? 'public');
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Every table and column says what it holds, for analysts reading the catalogue (`\d+`). */
export function commentsOn(schema: string, table: string, about: string, columns: Record<string, string>, kind: 'table' | 'view' = 'table'): string {
  return [
    `comment on ${kind} ${schema}.${table} is ${quote(about)};`,
    ...Object.entries(columns).map(([column, text]) => columnComment(schema, table, column, text)),
  ].join('\n');
}

/** The comment of one column, for a migration that adds it to an existing table. */
export function columnComment(schema: string, table: string, column: string, text: string): string {
  return `comment on column ${schema}.${table}.${column} is ${quote(text)};`;
}
