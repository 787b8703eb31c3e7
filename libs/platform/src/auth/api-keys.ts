import { createHash, timingSafeEqual } from 'node:crypto';

interface PortalKey {
  name: string;
  digest: Buffer;
}

/** Portal API keys, held as digests and compared in constant time. */
export class ApiKeys {
  private readonly keys: PortalKey[];

  constructor(spec: string | undefined) {
    this.keys = (spec ?? '')
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const separator = pair.indexOf(':');
        return { name: pair.slice(0, separator), digest: digest(pair.slice(separator + 1)) };
      });
  }

  /** The portal's name, or undefined. Every key is compared so timing says nothing about which matched. */
  identify(presented: string): string | undefined {
    const candidate = digest(presented);
    let found: string | undefined;
    for (const key of this.keys) if (timingSafeEqual(key.digest, candidate) && !found) found = key.name;
    return found;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
