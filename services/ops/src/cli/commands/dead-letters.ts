import { CONSUMING_SERVICES, ServiceApi } from '../service-api';

interface Letter {
  consumer: string;
  messageId: string;
  subject: string;
  topic: string;
  type: string;
  errorCode: string;
  attempts: number;
  deadLetteredAt: string;
  status: string;
  resolvedBy?: string;
  resolvedReason?: string | null;
}

interface Parked {
  consumer: string;
  messageId: string;
  subject: string;
  type: string | null;
  reason: string;
  attempts: number;
  parkedAt: string;
}

const letterLine = (service: string, l: Letter) =>
  [l.deadLetteredAt.padEnd(24), service.padEnd(12), l.status.padEnd(9), `${l.type}`.padEnd(28), l.errorCode.padEnd(28), `attempts ${l.attempts}`.padEnd(11), l.subject, `${l.consumer} ${l.messageId}`, l.resolvedBy ? `by ${l.resolvedBy}${l.resolvedReason ? `: ${l.resolvedReason}` : ''}` : ''].join(' ').trimEnd();

/** Dead letters of the services named (every consuming service when none), oldest first per service. */
export async function listDeadLetters(apis: ServiceApi[], options: { consumer?: string; status?: string }, write: (line: string) => void): Promise<number> {
  let count = 0;
  for (const api of apis) {
    const query = new URLSearchParams({ ...(options.consumer ? { consumer: options.consumer } : {}), ...(options.status ? { status: options.status } : {}) });
    const { deadLetters } = await api.call<{ deadLetters: Letter[] }>('GET', `/dead-letters?${query}`);
    for (const letter of deadLetters) write(letterLine(api.service, letter));
    count += deadLetters.length;
  }
  return count;
}

export async function showDeadLetter(api: ServiceApi, consumer: string, messageId: string, write: (line: string) => void): Promise<void> {
  write(JSON.stringify(await api.call('GET', `/dead-letters/${encodeURIComponent(consumer)}/${encodeURIComponent(messageId)}`), null, 2));
}

/** One dead letter, or every open one matching a filter (`--all` for no filter); each outcome printed. */
export async function redrive(api: ServiceApi, target: { consumer?: string; messageId?: string; type?: string; errorCode?: string }, write: (line: string) => void): Promise<boolean> {
  if (target.messageId && target.consumer) {
    const { released } = await api.call<{ released: number }>('POST', `/dead-letters/${encodeURIComponent(target.consumer)}/${encodeURIComponent(target.messageId)}/redrive`);
    write(`re-driven ${target.messageId}; ${released} message(s) that waited behind it applied`);
    return true;
  }
  const { outcomes } = await api.call<{ outcomes: { consumer: string; messageId: string; outcome: string; released?: number; error?: string }[] }>('POST', '/dead-letters/redrive', {
    ...(target.consumer ? { consumer: target.consumer } : {}),
    ...(target.type ? { type: target.type } : {}),
    ...(target.errorCode ? { errorCode: target.errorCode } : {}),
  });
  for (const o of outcomes) write(`${o.outcome.padEnd(9)} ${o.consumer} ${o.messageId}${o.outcome === 'REDRIVEN' ? `; ${o.released} released` : `: ${o.error}`}`);
  write(`${outcomes.filter((o) => o.outcome === 'REDRIVEN').length} re-driven, ${outcomes.filter((o) => o.outcome !== 'REDRIVEN').length} still open`);
  return outcomes.every((o) => o.outcome === 'REDRIVEN');
}

export async function discard(api: ServiceApi, consumer: string, messageId: string, reason: string, write: (line: string) => void): Promise<void> {
  const { released } = await api.call<{ released: number }>('POST', `/dead-letters/${encodeURIComponent(consumer)}/${encodeURIComponent(messageId)}/discard`, { reason });
  write(`discarded ${messageId} (recorded with the reason); ${released} message(s) that waited behind it applied`);
}

export async function listParked(apis: ServiceApi[], consumer: string | undefined, write: (line: string) => void): Promise<number> {
  let count = 0;
  for (const api of apis) {
    const { parked } = await api.call<{ parked: Parked[] }>('GET', `/parked-messages${consumer ? `?consumer=${encodeURIComponent(consumer)}` : ''}`);
    for (const p of parked) write([p.parkedAt.padEnd(24), api.service.padEnd(12), p.reason.padEnd(20), `${p.type ?? '?'}`.padEnd(28), `attempts ${p.attempts}`.padEnd(11), p.subject, `${p.consumer} ${p.messageId}`].join(' '));
    count += parked.length;
  }
  return count;
}

export const allServices = () => Object.keys(CONSUMING_SERVICES);
