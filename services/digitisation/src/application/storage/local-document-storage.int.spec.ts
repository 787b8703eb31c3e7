import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDocumentStorage } from './local-document-storage';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const chunked = (bytes: Buffer, size = 1000) => Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The local filesystem adapter of the document store, on a directory of its own. */
describe('local document storage (filesystem)', () => {
  let root: string;
  let storage: LocalDocumentStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'motcua-documents-'));
    storage = new LocalDocumentStorage(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores content under its SHA-256, once for the same bytes, and reads it back', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 7)]);
    const first = await storage.stage(chunked(bytes), 10_000);
    expect(first).toMatchObject({ sha256: sha(bytes), bytes: bytes.length });
    expect(first.head.toString('latin1')).toBe('%PDF-1.7');
    expect(await storage.exists(first.sha256)).toBe(false);
    await first.keep();
    const second = await storage.stage(chunked(bytes), 10_000);
    await second.keep();
    expect(await filesUnder(root)).toEqual([join(root, 'sha256', first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256)]);
    const content = await storage.open(first.sha256);
    expect(Buffer.concat(await (content as Readable).toArray())).toEqual(bytes);
  });

  it('refuses content beyond the limit and leaves nothing behind', async () => {
    await expect(storage.stage(chunked(Buffer.alloc(10_001, 1)), 10_000)).rejects.toMatchObject({ code: 'DOCUMENT.TOO_LARGE' });
    expect(await filesUnder(root)).toEqual([]);
  });

  it('forgets staged content that is discarded, and a discard after keep changes nothing', async () => {
    const dropped = await storage.stage(chunked(Buffer.from('%PDF- dropped')), 100);
    await dropped.discard();
    expect(await filesUnder(root)).toEqual([]);
    const kept = await storage.stage(chunked(Buffer.from('%PDF- kept')), 100);
    await kept.keep();
    await kept.discard();
    expect(await readFile((await filesUnder(root))[0], 'latin1')).toBe('%PDF- kept');
    expect(await storage.open('0'.repeat(64))).toBeUndefined();
  });
});
