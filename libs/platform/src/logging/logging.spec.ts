import { Writable } from 'node:stream';
import pino from 'pino';
import { withCorrelation } from './correlation';
import { correlationFields, redactionPaths } from './logging';

describe('log redaction', () => {
  it('censors personal data at any depth and keeps the rest', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logger = pino({ redact: { paths: redactionPaths(), censor: '[redacted]' } }, sink);
    logger.info({ citizenId: '038090001234', dossier: { code: 'H56.22-251122-0042', applicant: { fullName: 'Nguyễn Văn A' } }, event: { data: { phone: '0912345678' } } }, 'received');
    const line = lines.join('');
    expect(line).toContain('H56.22-251122-0042');
    for (const secret of ['038090001234', 'Nguyễn Văn A', '0912345678']) expect(line).not.toContain(secret);
  });
});

describe('log correlation', () => {
  it('stamps every line written during correlated work with its ids, and none outside it', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logger = pino({ mixin: correlationFields }, sink);
    await withCorrelation({ correlationId: 'req-1', causationId: 'event-1' }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.info('consuming');
    });
    logger.info('idle');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ msg: 'consuming', correlationId: 'req-1', causationId: 'event-1' }),
      expect.not.objectContaining({ correlationId: expect.anything() }),
    ]);
  });
});
