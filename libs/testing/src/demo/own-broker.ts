import { containerRuntimeAvailable, startKafkaContainer } from '../infra/containers';
import { pinnedKafkaVersion, RunningKafka, startLocalKafka } from '../infra/kafka';

/**
 * A Kafka broker for one demo run alone, whatever KAFKA_BROKERS names. The services read their
 * topics from the beginning, and other runs' dossiers of 2025 on a shared broker would be counted
 * by the projections too: the reconciliation would then differ for a reason outside the run.
 */
export async function startOwnBroker(): Promise<RunningKafka> {
  if (await containerRuntimeAvailable()) return startKafkaContainer(pinnedKafkaVersion());
  return startLocalKafka({ persistent: false, heap: '384m' });
}
