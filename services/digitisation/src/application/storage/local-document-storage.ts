import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DocumentTooLargeError } from '../../domain/document/document.errors';
import { SNIFF_BYTES } from '../../domain/document/media-type';
import type { DocumentStorage, StagedContent } from './document-storage';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Documents on the local filesystem under `root`: `sha256/ab/cd/<hash>`, written to `incoming/`
 * first and renamed into place (atomic on one filesystem), so a reader never sees half a file.
 */
export class LocalDocumentStorage implements DocumentStorage {
  constructor(private readonly root: string) {}

  async stage(content: Readable, maxBytes: number): Promise<StagedContent> {
    const incoming = join(this.root, 'incoming');
    await mkdir(incoming, { recursive: true });
    const temp = join(incoming, randomUUID());
    const hash = createHash('sha256');
    let bytes = 0;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > maxBytes) return done(new DocumentTooLargeError(maxBytes));
        hash.update(chunk);
        if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, meter, createWriteStream(temp, { flags: 'wx' }));
      await syncFile(temp);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const sha256 = hash.digest('hex');
    const final = this.pathOf(sha256);
    let settled = false;
    return {
      sha256,
      bytes,
      head,
      keep: async () => {
        if (settled) return;
        await mkdir(dirname(final), { recursive: true });
        // Content already held under this hash is the same bytes: the staged copy is not needed.
        if (await this.exists(sha256)) await rm(temp, { force: true });
        else await rename(temp, final);
        settled = true;
      },
      discard: async () => {
        if (settled) return;
        await rm(temp, { force: true });
        settled = true;
      },
    };
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async open(sha256: string): Promise<Readable | undefined> {
    return (await this.exists(sha256)) ? createReadStream(this.pathOf(sha256)) : undefined;
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new RangeError('not a SHA-256 hex digest');
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}

/** On disk before it is renamed into place and recorded: a crash must not leave a recorded, empty file. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
