import { EntityMetadata } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Many rows in one statement: the rows travel as one jsonb parameter and `jsonb_to_recordset`
 * turns them into a typed relation, so a batch of thousands is one round trip, whatever its size.
 * Column names and types come from the entity's TypeORM metadata, declared once.
 */
export function recordsetOf(metadata: EntityMetadata, alias = 'r'): { columns: ColumnMetadata[]; from: string } {
  const columns = metadata.columns;
  const definitions = columns.map((column) => `"${column.databaseName}" ${sqlType(column)}`);
  return { columns, from: `jsonb_to_recordset($1::jsonb) as ${alias}(${definitions.join(', ')})` };
}

export function sqlType(column: ColumnMetadata): string {
  const type = typeof column.type === 'string' ? column.type : 'text';
  return column.isArray ? `${type}[]` : type;
}

/** A row as pg returns it, back to the entity's property names; instants as ISO strings, big numbers as numbers. */
export function fromRow(columns: ColumnMetadata[], row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const value = row[column.databaseName];
    if (value instanceof Date) out[column.propertyName] = value.toISOString();
    else if (typeof value === 'string' && (column.type === 'bigint' || column.type === 'numeric')) out[column.propertyName] = Number(value);
    else out[column.propertyName] = value ?? null;
  }
  return out;
}

/** An object with the entity's property names, as a jsonb record keyed by column names. */
export function toRecord(columns: ColumnMetadata[], values: object): Record<string, unknown> {
  // A plain loop: one record per row of a batch, with no array of entries built and dropped per row.
  const record: Record<string, unknown> = {};
  const byProperty = values as Record<string, unknown>;
  for (const column of columns) record[column.databaseName] = byProperty[column.propertyName] ?? null;
  return record;
}
