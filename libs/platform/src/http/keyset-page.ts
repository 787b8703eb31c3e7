import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, isUUID, Max, Min, ValidateBy } from 'class-validator';

/**
 * One way to page every list: keyset paging on a stable order that ends in a unique
 * tie-breaker. A page answers `{ items, next }`; `next` is the sort keys of its last row,
 * base64url-encoded JSON, opaque to callers (so an order can gain keys without breaking
 * them), and is passed back as `after` for the following page; null on the last page. Rows
 * inserted while a caller pages never shift the pages it has yet to read, as an offset would.
 */
export interface Page<T> {
  items: T[];
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null;
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/** What each key of a cursor holds, checked on decode as the query will cast it. */
export type CursorKey = 'instant' | 'uuid' | 'text';
type Keys<K extends readonly CursorKey[]> = { -readonly [I in keyof K]: string };

export interface PageCursor<K extends readonly CursorKey[]> {
  encode(keys: Keys<K>): string;
  /** The keys a `next` stands for, or undefined for anything this list did not hand out. */
  decode(value: string): Keys<K> | undefined;
}

const MAX_CURSOR_LENGTH = 2000;
const MAX_TEXT_KEY = 600;

/**
 * An instant PostgreSQL's timestamptz reads back unchanged: the round trip refuses what Date
 * would roll over (month 13, hour 99), and PostgreSQL reads years 1 to 9999 in this form.
 */
function isInstant(value: string): boolean {
  const time = new Date(value);
  const year = time.getUTCFullYear();
  return !Number.isNaN(year) && year >= 1 && year <= 9999 && time.toISOString() === value;
}

const keyIsValid: Record<CursorKey, (value: string) => boolean> = {
  instant: isInstant,
  uuid: (value) => isUUID(value),
  text: (value) => value.length <= MAX_TEXT_KEY,
};

/** The cursor of one list's order, e.g. `pageCursor('instant', 'uuid')` for (received_at, dossier_id). */
export function pageCursor<const K extends readonly CursorKey[]>(...shape: K): PageCursor<K> {
  return {
    encode: (keys) => Buffer.from(JSON.stringify(keys), 'utf8').toString('base64url'),
    decode: (value) => {
      if (value.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      } catch {
        return undefined;
      }
      if (!Array.isArray(parsed) || parsed.length !== shape.length) return undefined;
      const valid = parsed.every((key, i) => typeof key === 'string' && keyIsValid[shape[i]](key));
      return valid ? (parsed as Keys<K>) : undefined;
    },
  };
}

/**
 * A page of `limit` from rows read with `limit + 1`: the extra row only tells that another
 * page follows, and `next` points after the last row returned.
 */
export function toPage<R, T, K extends readonly CursorKey[]>(rows: R[], limit: number, cursor: PageCursor<K>, keysOf: (row: R) => Keys<K>, item: (row: R) => T): Page<T> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(item), next: rows.length > limit && last !== undefined ? cursor.encode(keysOf(last)) : null };
}

/** `after` must be a `next` this list handed out; anything else is a 400 naming the field. */
export const IsPageCursor = (cursor: PageCursor<readonly CursorKey[]>) =>
  ValidateBy({
    name: 'isPageCursor',
    validator: {
      validate: (value) => typeof value === 'string' && cursor.decode(value) !== undefined,
      defaultMessage: () => 'after must be the next value of a previous page',
    },
  });

/** The `limit` every list takes; a list's request class extends it and adds its `after` and filters. */
export class PageRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT, description: 'Items per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit?: number;
}

export const AFTER_DESCRIPTION = 'The `next` of the previous page, with the same filters';
