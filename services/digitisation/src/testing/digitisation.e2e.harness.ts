import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Envelope, Topics } from '@motcua/contracts';
import { EventStore, PgDatabase } from '@motcua/event-store';
import type { Clock, Role } from '@motcua/platform';
import { eventually, InProcessService, startInProcessService } from '@motcua/testing';
import { DigitisationConfig } from '../digitisation.config';
import { DigitisationModule } from '../digitisation.module';

export const APPLICANT_REF_KEY = 'digitisation-test-applicant-ref-key-0123456789';
export const MAX_BYTES = 64 * 1024;
/** Other specs' apps may hold a shared partition until their session times out: allow for one such stall. */
export const KAFKA_WAIT = { timeoutMs: 60_000 };

/**
 * The digitisation service in-process on its own database, consumer groups and documents
 * directory, with real PostgreSQL and Kafka; the other services' events are published as they
 * would publish them (envelopes from libs/contracts).
 */
export class DigitisationHarness {
  private service!: InProcessService;
  documentsDir!: string;

  /** `clock`: the time the service reads, for specs that move it (a transition window ending). */
  async start(prefix: string, clock?: Clock): Promise<void> {
    this.documentsDir = await mkdtemp(join(tmpdir(), `${prefix}-documents-`));
    this.service = await startInProcessService(DigitisationModule, {
      service: 'digitisation',
      config: DigitisationConfig,
      bootstrap: { multipart: true },
      isolate: { prefix },
      env: { APPLICANT_REF_KEY, DOCUMENT_MAX_BYTES: String(MAX_BYTES), DOCUMENTS_DIR: this.documentsDir },
      topics: [Topics.intake, Topics.issuance],
      ...(clock ? { clock } : {}),
    });
  }

  async stop(): Promise<void> {
    await this.service?.close();
    await rm(this.documentsDir, { recursive: true, force: true });
  }

  get app(): NestFastifyApplication {
    return this.service.app;
  }

  get base(): string {
    return this.service.base;
  }

  get store(): EventStore {
    return this.service.store;
  }

  get db(): PgDatabase {
    return this.service.db;
  }

  portal = (which: 'test' | 'other' = 'test') => ({ ...this.service.portal(which), 'idempotency-key': randomUUID() });
  officer = (role: Exclude<Role, 'PORTAL'>, unit: string) => this.service.officer(role, unit);
  publish = (topic: string, ...envelopes: Envelope[]) => this.service.send(topic, ...envelopes);

  /** Every file under the documents directory (staging included). */
  async files(): Promise<string[]> {
    const entries = await readdir(this.documentsDir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  }

  count = (table: string) => this.service.count(`select count(*) as n from digitisation.${table}`);

  /**
   * Digitisation's topic as a consumer sees it, for these keys, until `done`. Other tests' apps
   * publish there too: ours are the events this app stored.
   */
  published(keys: string[], done: (types: string[]) => boolean): Promise<Envelope[]> {
    return eventually(() => this.service.published(...keys), (seen) => done(seen.map((e) => e.type)), { ...KAFKA_WAIT, what: `digitisation's events for ${keys.join(', ')}` });
  }
}

/** A multipart body: the file (with its declared type) and the other fields. */
export function form(bytes: Buffer, type: string, fields: Record<string, string> = {}, filename = 'document'): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', new Blob([bytes], { type }), filename);
  return body;
}

export const pdf = (text: string, size = 2000) => Buffer.concat([Buffer.from(`%PDF-1.7\n% ${text}\n`), Buffer.alloc(size, 0x20)]);
export const png = (size = 500) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(size, 1)]);
