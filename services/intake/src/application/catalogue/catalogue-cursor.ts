import { pageCursor } from '@motcua/platform';

export type ProcedureSort = 'code' | 'name';
export const PROCEDURE_SORTS: ProcedureSort[] = ['code', 'name'];

/** Where a page ended, in the order it was sorted by. */
export interface CatalogueCursor {
  sort: ProcedureSort;
  code: string;
  /** The name's searchKey (sort by name). */
  nameKey?: string;
}

// The shared keyset cursor; its first key names the order, so one `after` serves both sorts.
const byCode = pageCursor('text', 'text');
const byName = pageCursor('text', 'text', 'text');

/** `next` of a page: opaque to callers, so the order can gain keys without breaking portals that page through it. */
export function encodeCursor(sort: ProcedureSort, last: { code: string; nameKey: string }): string {
  return sort === 'name' ? byName.encode([sort, last.code, last.nameKey]) : byCode.encode([sort, last.code]);
}

/** The cursor a `next` stands for, or undefined for anything this service did not hand out. */
export function decodeCursor(value: string): CatalogueCursor | undefined {
  const code = byCode.decode(value);
  if (code && code[0] === 'code' && code[1]) return { sort: 'code', code: code[1] };
  const name = byName.decode(value);
  if (name && name[0] === 'name' && name[1]) return { sort: 'name', code: name[1], nameKey: name[2] };
  return undefined;
}
