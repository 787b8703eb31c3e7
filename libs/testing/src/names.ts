import { randomBytes } from 'node:crypto';

/** A name no other test in this run uses: schemas, topics and consumer groups are per test. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`.toLowerCase();
}
