import { DomainError } from '@motcua/platform';

/**
 * The event a request would record is larger, once published, than its topic takes: stored, it
 * would wait at the relay for ever, so it is refused before anything is stored (413). The detail
 * names the event type and its largest data field, never their values.
 */
export class EventTooLargeError extends DomainError {
  constructor(
    readonly eventType: string,
    readonly bytes: number,
    readonly maxBytes: number,
    largestField: { name: string; bytes: number } | undefined,
  ) {
    const largest = largestField ? `; its largest field is ${largestField.name} (${largestField.bytes} bytes)` : '';
    super(
      'EVENT.TOO_LARGE',
      'TOO_LARGE',
      `The ${eventType} event this request records would be ${bytes} bytes once published; its topic takes at most ${maxBytes}${largest}`,
    );
  }
}

/** The top-level data field that takes the most room, by name and size. */
export function largestField(data: unknown): { name: string; bytes: number } | undefined {
  if (!data || typeof data !== 'object') return undefined;
  let largest: { name: string; bytes: number } | undefined;
  for (const [name, value] of Object.entries(data)) {
    const bytes = Buffer.byteLength(JSON.stringify(value) ?? '');
    if (!largest || bytes > largest.bytes) largest = { name: `data.${name}`, bytes };
  }
  return largest;
}
