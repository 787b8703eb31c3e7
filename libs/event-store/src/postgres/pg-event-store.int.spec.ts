import { describeEventStoreContract } from '../contract/event-store.contract';
import { openTestStore } from './test-schema';

describeEventStoreContract('PostgreSQL', async () => {
  const { db, store } = await openTestStore('es_contract');
  return { store, close: () => db.close() };
});
