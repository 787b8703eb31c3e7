/** The service's own PostgreSQL schema: analysts query it, no other service reads it. */
export const PROJECTIONS_SCHEMA = 'projections';

/** A PostgreSQL identifier we build SQL with; anything else is refused before it reaches a query. */
export function checkedSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`'${schema}' is not a plain schema name`);
  return schema;
}
