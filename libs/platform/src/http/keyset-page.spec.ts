import { pageCursor, toPage } from './keyset-page';

describe('keyset page cursors', () => {
  const byReception = pageCursor('instant', 'uuid');
  const id = '0b7c4c4e-3f7a-4d0e-9a57-6f1d2c3b4a59';

  it('gives back the keys a cursor was made from', () => {
    const next = byReception.encode(['2025-03-03T02:00:00.000Z', id]);
    expect(next).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(byReception.decode(next)).toEqual(['2025-03-03T02:00:00.000Z', id]);
    expect(pageCursor('text', 'uuid').decode(pageCursor('text', 'uuid').encode(["H56.22' OR 1=1", id]))).toEqual(["H56.22' OR 1=1", id]);
  });

  it.each([
    ['not base64url', 'a/b+c'],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['not an array', Buffer.from('{"a":1}').toString('base64url')],
    ['too few keys', Buffer.from(JSON.stringify(['2025-03-03T02:00:00.000Z'])).toString('base64url')],
    ['too many keys', Buffer.from(JSON.stringify(['2025-03-03T02:00:00.000Z', id, 'x'])).toString('base64url')],
    ['a number for an instant', Buffer.from(JSON.stringify([1741, id])).toString('base64url')],
    ['a rolled-over instant', Buffer.from(JSON.stringify(['2025-13-03T02:00:00.000Z', id])).toString('base64url')],
    ['an instant not in ISO form', Buffer.from(JSON.stringify(['2025-03-03 02:00', id])).toString('base64url')],
    ['a year PostgreSQL does not read', Buffer.from(JSON.stringify(['+010000-01-01T00:00:00.000Z', id])).toString('base64url')],
    ['a key that is no UUID', Buffer.from(JSON.stringify(['2025-03-03T02:00:00.000Z', 'x'])).toString('base64url')],
    ['an overlong cursor', 'A'.repeat(2001)],
    ['nothing', ''],
  ])('refuses %s', (_, value) => {
    expect(byReception.decode(value)).toBeUndefined();
  });

  it('refuses a text key longer than a sort key can be', () => {
    const text = pageCursor('text');
    expect(text.decode(text.encode(['x'.repeat(600)]))).toEqual(['x'.repeat(600)]);
    expect(text.decode(text.encode(['x'.repeat(601)]))).toBeUndefined();
  });

  describe('toPage', () => {
    const rows = [1, 2, 3].map((n) => ({ at: `2025-03-0${n}T00:00:00.000Z`, id }));
    const page = (read: typeof rows, limit: number) => toPage(read, limit, byReception, (r) => [r.at, r.id], (r) => r.at);

    it('answers limit items and a next pointing after the last one when a row more was read', () => {
      const first = page(rows, 2);
      expect(first.items).toEqual(['2025-03-01T00:00:00.000Z', '2025-03-02T00:00:00.000Z']);
      expect(byReception.decode(first.next as string)).toEqual(['2025-03-02T00:00:00.000Z', id]);
    });

    it('has no next on the last page, full or not', () => {
      expect(page(rows, 3)).toEqual({ items: rows.map((r) => r.at), next: null });
      expect(page([], 3)).toEqual({ items: [], next: null });
    });
  });
});
