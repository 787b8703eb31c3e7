export type ProcedureSort = 'code' | 'name';
export const PROCEDURE_SORTS: ProcedureSort[] = ['code', 'name'];

/** Where a page ended, in the order it was sorted by. */
export interface CatalogueCursor {
  sort: ProcedureSort;
  code: string;
  /** The name's searchKey (sort by name). */
  nameKey?: string;
}

/**
 * `next` of a page: opaque to callers (base64url of the sort and the last row's keys), so the
 * order can gain keys without breaking portals that page through it.
 */
export function encodeCursor(sort: ProcedureSort, last: { code: string; nameKey: string }): string {
  return Buffer.from(JSON.stringify(sort === 'name' ? [sort, last.code, last.nameKey] : [sort, last.code])).toString('base64url');
}

/** The cursor a `next` stands for, or undefined for anything this service did not hand out. */
export function decodeCursor(value: string): CatalogueCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(value)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string' && part.length <= 600)) return undefined;
  const [sort, code, nameKey, ...rest] = parsed as string[];
  if (rest.length > 0 || !code) return undefined;
  if (sort === 'code' && nameKey === undefined) return { sort, code };
  if (sort === 'name' && nameKey !== undefined) return { sort, code, nameKey };
  return undefined;
}
