import { ExpectedVersion } from '../event-store.port';

/**
 * A CTE named `stream` yielding the stream's version before this append, or no row when the
 * claim is refused. The row keeps its last writer's transaction id, and only a transaction at
 * least as new may claim it: the relay reads the log in transaction-id order, so a stream's later
 * version must never carry an older id than its predecessor (an inbox transaction takes its id at
 * the inbox insert, long before its handler reads the stream). Under READ COMMITTED a claim that
 * waited on another writer's row lock re-checks both guards against the row that writer left.
 */
export function claimStream(s: string, expected: ExpectedVersion): string {
  if (expected === 'no_stream' || expected === 0) {
    return `with stream as (
      insert into ${s}.streams (stream_id, version, last_transaction_id) values ($1, $2, pg_current_xact_id())
      on conflict (stream_id) do nothing
      returning version - $2 as base)`;
  }
  if (expected === 'any') {
    return `with stream as (
      insert into ${s}.streams as st (stream_id, version, last_transaction_id) values ($1, $2, pg_current_xact_id())
      on conflict (stream_id) do update set version = st.version + $2, last_transaction_id = excluded.last_transaction_id
        where st.last_transaction_id <= excluded.last_transaction_id
      returning version - $2 as base)`;
  }
  if (!Number.isInteger(expected) || expected < 0) throw new RangeError(`invalid expected version ${expected}`);
  return `with stream as (
    update ${s}.streams set version = version + $2, last_transaction_id = pg_current_xact_id()
    where stream_id = $1 and version = ${expected} and last_transaction_id <= pg_current_xact_id()
    returning version - $2 as base)`;
}
