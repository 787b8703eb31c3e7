/** Schema names come from configuration and end up in SQL text: accept plain identifiers only. */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`invalid schema name '${schema}': use lower-case letters, digits and _`);
  }
  return `"${schema}"`;
}

