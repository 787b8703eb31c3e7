import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { PgDatabase, quoteSchema } from '@motcua/event-store';
import type { Migration } from '@motcua/event-store';
import { DomainError } from '../errors/domain-error';

export const idempotencyMigrations: Migration[] = [
  {
    id: 'platform/001_idempotency_keys',
    up: (s) => `
      create table ${s}.idempotency_keys (
        client text not null,
        key text not null,
        request_hash text not null,
        response jsonb not null,
        created_at timestamptz not null default now(),
        primary key (client, key)
      );
      comment on table ${s}.idempotency_keys is 'First answer to each Idempotency-Key, written in the transaction of the work it answers.';
    `,
  },
];

export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('IDEMPOTENCY.KEY_REUSED', 'RULE', 'This Idempotency-Key was already used with a different request body');
  }
}

/** A POST's answer and whether it is the first answer given again to a repeated Idempotency-Key. */
export interface Idempotent<T> {
  response: T;
  replayed: boolean;
}

class LostRace extends Error {}

/** A stable hash of a request body: RFC 8785 canonical JSON, so key order does not matter. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalize(body) ?? 'null').digest('hex');
}

/**
 * Idempotent POSTs: the same client and key with the same body get the first answer back and
 * change nothing; with another body, 422. The key's record commits with the work it answers, so
 * it survives restarts and never exists without that work (or the work without it).
 */
export class IdempotentRequests {
  private readonly s: string;

  constructor(
    private readonly db: PgDatabase,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  /** As `run`, for a request whose key is optional: without one, the work runs as it is (a repeat is the domain's to refuse). */
  async runIfKeyed<T>(client: string, key: string | undefined, body: unknown, work: () => Promise<T>): Promise<Idempotent<T>> {
    if (key === undefined) return { response: await work(), replayed: false };
    return this.run(client, key, body, work);
  }

  async run<T>(client: string, key: string, body: unknown, work: () => Promise<T>): Promise<Idempotent<T>> {
    const hash = requestHash(body);
    for (let attempt = 0; attempt < 3; attempt++) {
      const earlier = await this.recall<T>(client, key, hash);
      if (earlier !== undefined) return { response: earlier, replayed: true };
      try {
        const response = await this.db.transaction(async () => {
          const result = await work();
          const { rowCount } = await this.db.query(
            `insert into ${this.s}.idempotency_keys (client, key, request_hash, response) values ($1, $2, $3, $4)
             on conflict (client, key) do nothing`,
            [client, key, hash, JSON.stringify(result)],
          );
          // The same key committed first in a concurrent request: undo this work, answer with that one.
          if (rowCount === 0) throw new LostRace();
          return result;
        });
        return { response, replayed: false };
      } catch (error) {
        if (!(error instanceof LostRace)) throw error;
      }
    }
    throw new Error('idempotent request kept losing races');
  }

  /**
   * For callers that commit many requests in one transaction (group commit): records each first
   * answer inside the caller's transaction and returns the keys another request already holds.
   * A key held by a transaction still running waits for it, so a loser can recall its answer
   * once this transaction is over.
   */
  async recordAll(records: { client: string; key: string; hash: string; response: unknown }[]): Promise<{ client: string; key: string }[]> {
    if (!this.db.inTransaction) throw new Error('idempotency records are written in the transaction of the work they answer');
    const { rows } = await this.db.query<{ client: string; key: string }>(
      `insert into ${this.s}.idempotency_keys (client, key, request_hash, response)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])
       on conflict (client, key) do nothing
       returning client, key`,
      [records.map((r) => r.client), records.map((r) => r.key), records.map((r) => r.hash), records.map((r) => JSON.stringify(r.response))],
    );
    const won = new Set(rows.map((r) => JSON.stringify([r.client, r.key])));
    return records.filter((r) => !won.has(JSON.stringify([r.client, r.key]))).map(({ client, key }) => ({ client, key }));
  }

  /** The first answer to this client's key, or nothing; 422 when the key came with another body. */
  async recall<T>(client: string, key: string, hash: string): Promise<T | undefined> {
    const { rows } = await this.db.query<{ request_hash: string; response: T }>(
      `select request_hash, response from ${this.s}.idempotency_keys where client = $1 and key = $2`,
      [client, key],
    );
    if (rows.length === 0) return undefined;
    if (rows[0].request_hash !== hash) throw new IdempotencyKeyReusedError();
    return rows[0].response;
  }
}
