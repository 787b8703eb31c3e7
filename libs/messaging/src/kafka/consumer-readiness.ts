import type { ReadinessIndicator } from '@motcua/platform';
import type { BrokerStatus } from './broker-monitor';

/**
 * How long a consumer may be away while the broker answers before its absence is a fault: longer
 * than a restart takes (2 s doubling to 10 s, then a join), and than a rejoin after the broker
 * came back, which waits out the group's 30 s session timeout of the members it lost (about 32 s
 * measured on an idle machine, more on a loaded one, with a restart's back-off on top); then the
 * fault is not a blip.
 */
export const DEFAULT_CONSUMER_GRACE_MS = 90_000;

export interface ConsumerView {
  ready: boolean;
  /** What it is doing instead, e.g. `restarting`. */
  state: string;
  /** Since when it has not been running (epoch ms). */
  awaySince?: number;
}

/**
 * A consumer away while the broker is away is everyone's outage: every replica alike, so it only
 * degrades (taking them all out of the load balancer helps no one; the event store is the outbox).
 * A consumer away for longer than the grace while the broker has answered all along is this
 * instance's fault, so the instance is not ready until the consumer is back.
 */
export function consumerIndicator(name: string, consumer: () => ConsumerView, broker: () => BrokerStatus, graceMs = DEFAULT_CONSUMER_GRACE_MS, now: () => number = Date.now): ReadinessIndicator {
  return {
    name,
    role: 'required',
    check: () => {
      const { ready, state, awaySince } = consumer();
      if (ready) return { ready: true, detail: state };
      const { ready: brokerReady, upSince } = broker();
      if (!brokerReady) return { ready: false, detail: `${state}: waiting for Kafka`, role: 'optional' };
      const faultSince = Math.max(awaySince ?? now(), upSince ?? now());
      if (now() - faultSince < graceMs) return { ready: false, detail: `${state}: rejoining`, role: 'optional' };
      return { ready: false, detail: `${state} while Kafka answers` };
    },
  };
}
