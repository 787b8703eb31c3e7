import { createHmac } from 'node:crypto';

export interface PlatformEvent {
  id: string;
  type: 'checkout.succeeded' | 'checkout.failed';
  created: number;
  data: { checkoutId: string; merchantReference: string; amount: number; currency: string; reference?: string; failureCode?: string };
}

export interface DeliveryOptions {
  /** Extra copies sent at once, as a platform that delivers twice does. */
  duplicates?: number;
  /** Wait before the first delivery. */
  delayMs?: number;
  /** Keep the event until released: later events overtake it. */
  hold?: boolean;
}

export interface DeliveryRecord {
  event: PlatformEvent;
  callbackUrl: string;
  state: 'HELD' | 'SCHEDULED' | 'DELIVERED' | 'GAVE_UP';
  attempts: { status: number | 'NETWORK_ERROR'; at: string }[];
}

/**
 * Signed, asynchronous callbacks with retries, as payment platforms send them: each attempt is
 * signed afresh (`t=<now>,v1=<HMAC-SHA256(secret, "t.body")>`, one v1 per secret) over the same
 * body, and retried with doubling delays until a 2xx or the last attempt.
 */
export class CallbackDelivery {
  readonly records = new Map<string, DeliveryRecord>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Copies of a held event, sent with it on release (a hold keeps back every copy). */
  private readonly heldCopies = new Map<string, number>();

  constructor(private readonly settings: { signingSecrets: string[]; retryBaseMs: number; maxAttempts: number }) {}

  submit(event: PlatformEvent, callbackUrl: string, options: DeliveryOptions = {}): DeliveryRecord {
    const record: DeliveryRecord = { event, callbackUrl, state: options.hold ? 'HELD' : 'SCHEDULED', attempts: [] };
    this.records.set(event.id, record);
    if (options.hold) this.heldCopies.set(event.id, options.duplicates ?? 0);
    else this.schedule(record, options.delayMs ?? 0, options.duplicates ?? 0);
    return record;
  }

  /** Sends a held event now (or any event again: a redelivery, as after a platform's own crash). */
  release(eventId: string): DeliveryRecord | undefined {
    const record = this.records.get(eventId);
    if (record) {
      const copies = this.heldCopies.get(eventId) ?? 0;
      this.heldCopies.delete(eventId);
      record.state = 'SCHEDULED';
      this.schedule(record, 0, copies);
    }
    return record;
  }

  signatureHeader(body: string, timestamp = Math.floor(Date.now() / 1000)): string {
    const signatures = this.settings.signingSecrets.map((secret) => `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
    return [`t=${timestamp}`, ...signatures].join(',');
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(record: DeliveryRecord, delayMs: number, copies: number): void {
    this.later(delayMs, () => this.deliver(record, 1));
    for (let copy = 0; copy < copies; copy++) this.later(delayMs, () => this.send(record));
  }

  private async deliver(record: DeliveryRecord, attempt: number): Promise<void> {
    if (await this.send(record)) {
      record.state = 'DELIVERED';
    } else if (attempt >= this.settings.maxAttempts) {
      record.state = 'GAVE_UP';
    } else {
      this.later(this.settings.retryBaseMs * 2 ** (attempt - 1), () => this.deliver(record, attempt + 1));
    }
  }

  private async send(record: DeliveryRecord): Promise<boolean> {
    const body = JSON.stringify(record.event);
    try {
      const response = await fetch(record.callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'payment-signature': this.signatureHeader(body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      record.attempts.push({ status: response.status, at: new Date().toISOString() });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      record.attempts.push({ status: 'NETWORK_ERROR', at: new Date().toISOString() });
      return false;
    }
  }

  private later(ms: number, work: () => Promise<unknown>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void work();
    }, ms);
    this.timers.add(timer);
  }
}
