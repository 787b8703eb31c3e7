import { MAX_INPUT_DEPTH, unreadableFields } from './unreadable-input';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('unreadableFields: what the edge refuses before validation walks a request', () => {
  it('names the top field of a value nested deeper than the limit, without overflowing on 100 000 levels', () => {
    expect(unreadableFields({ applicant: nested(MAX_INPUT_DEPTH - 2) })).toEqual([]);
    expect(unreadableFields({ applicant: nested(100_000) })).toEqual([{ field: 'applicant', message: `applicant is nested more than ${MAX_INPUT_DEPTH} levels deep` }]);
    expect(unreadableFields(nested(100_000))).toEqual([{ field: '0', message: `0 is nested more than ${MAX_INPUT_DEPTH} levels deep` }]);
  });

  it('names every text field holding NUL, another C0 or C1 control, DEL or an unpaired surrogate, never quoting it', () => {
    const errors = unreadableFields({ a: 'x\u0000', b: { c: ['ok', 'x\u001b'] }, d: 'x\u007f', e: 'x\u0085', f: 'x\ud800', g: '\udc00x' });
    expect(errors.map((e) => e.field)).toEqual(['a', 'b.c.1', 'd', 'e', 'f', 'g']);
    expect(errors.every((e) => !e.message.includes('\u0000') && !e.message.includes('\u001b'))).toBe(true);
  });

  it('lets tabs, line breaks, surrogate pairs and Vietnamese text through', () => {
    expect(unreadableFields({ reason: 'Thiếu tờ khai\tbản sao\r\nxin bổ sung 😀' })).toEqual([]);
  });

  it('names a property whose name holds a control character by its parent, and a path parameter by its name', () => {
    expect(unreadableFields({ manifest: { 'k\u0000': 1 } })).toEqual([{ field: 'manifest', message: expect.stringContaining('property name') }]);
    expect(unreadableFields('a\u0000b', 'dossierId')).toEqual([{ field: 'dossierId', message: expect.stringContaining('dossierId must not contain') }]);
  });
});
